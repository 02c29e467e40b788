package org.harmwatch.dissemination.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Quoted-printable (RFC 2045 section 6.7) for message bodies, in one pass over the UTF-8
 * bytes: line breaks become CRLF, bytes outside printable ASCII (and {@code =}) become
 * {@code =XX}, a space or tab before a line break is encoded, and no encoded line is
 * longer than 76 characters (soft breaks {@code =} CRLF). The result is ASCII, so it
 * never contains a MIME boundary that starts with {@code =_}.
 *
 * <p>
 * Jakarta Mail's encoder stream does the same a byte at a time through a chain of streams
 * and looks up its stream provider on every use; at 100,000 messages per alert that was a
 * quarter of the sender's CPU.
 */
final class QuotedPrintable {

	private static final int MAX_LINE = 76;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private QuotedPrintable() {
	}

	static void encode(String text, ByteArrayOutputStream out) {
		encode(text, out, false);
	}

	/**
	 * @param continued whether a soft line break follows, which needs its own room at the
	 * end of the last line
	 */
	private static void encode(String text, ByteArrayOutputStream out, boolean continued) {
		var bytes = text.getBytes(StandardCharsets.UTF_8);
		int column = 0;
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xff;
			if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
				continue;
			}
			if (b == '\n' || b == '\r') {
				out.write('\r');
				out.write('\n');
				column = 0;
				continue;
			}
			boolean lineEnds = i + 1 == bytes.length ? !continued : bytes[i + 1] == '\n' || bytes[i + 1] == '\r';
			boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
			int width = literal ? 1 : 3;
			// Room for this character, and for a soft break after it unless the line ends
			// here.
			if (column + width > (lineEnds ? MAX_LINE : MAX_LINE - 1)) {
				out.write('=');
				out.write('\r');
				out.write('\n');
				column = 0;
			}
			if (literal) {
				out.write(b);
			}
			else {
				out.write('=');
				out.write(HEX[b >> 4]);
				out.write(HEX[b & 0xf]);
			}
			column += width;
		}
	}

	/**
	 * A body encoded once, with holes for what differs per recipient (their own links).
	 * Every piece ends with a soft line break, so each hole and the piece after it start
	 * a fresh encoded line and the pieces can be joined as they are: decoded, the soft
	 * breaks vanish and the text reads as if encoded whole.
	 */
	static final class Template {

		private static final byte[] SOFT_BREAK = { '=', '\r', '\n' };

		private final List<byte[]> pieces = new ArrayList<>();

		private final List<String> holes = new ArrayList<>();

		private final int size;

		/**
		 * Encodes {@code body}, leaving a hole wherever one of {@code placeholders}
		 * occurs.
		 */
		Template(String body, Collection<String> placeholders) {
			int at = 0;
			while (true) {
				int next = -1;
				String found = null;
				for (var placeholder : placeholders) {
					int index = body.indexOf(placeholder, at);
					if (index >= 0 && (next < 0 || index < next)) {
						next = index;
						found = placeholder;
					}
				}
				if (found == null) {
					pieces.add(piece(body.substring(at), false));
					break;
				}
				pieces.add(piece(body.substring(at, next), true));
				holes.add(found);
				at = next + found.length();
			}
			size = pieces.stream().mapToInt(piece -> piece.length).sum();
		}

		private static byte[] piece(String text, boolean continues) {
			var out = new ByteArrayOutputStream(text.length() * 11 / 10 + 8);
			boolean soft = continues && !text.isEmpty() && !text.endsWith("\n");
			encode(text, out, soft);
			if (soft) {
				out.writeBytes(SOFT_BREAK);
			}
			return out.toByteArray();
		}

		/** The encoded length without the holes' values. */
		int size() {
			return size;
		}

		/**
		 * Writes the body with each hole filled from {@code values}; only the values are
		 * encoded now.
		 */
		void write(ByteArrayOutputStream out, Map<String, String> values) {
			for (int i = 0; i < holes.size(); i++) {
				out.writeBytes(pieces.get(i));
				encode(values.getOrDefault(holes.get(i), ""), out, true);
				out.writeBytes(SOFT_BREAK);
			}
			out.writeBytes(pieces.getLast());
		}

	}

}
