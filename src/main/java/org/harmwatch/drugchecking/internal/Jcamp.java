package org.harmwatch.drugchecking.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks that an upload is a JCAMP-DX spectrum: text starting with {@code ##TITLE=} and
 * declaring {@code ##JCAMP-DX=}.
 */
public final class Jcamp {

	/** The largest spectrum accepted. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	private Jcamp() {
	}

	/** The spectrum's title, or empty when the content is not JCAMP-DX. */
	public static Optional<String> title(byte[] content) {
		if (content.length == 0 || content.length > MAX_BYTES) {
			return Optional.empty();
		}
		var text = new String(content, 0, Math.min(content.length, 8192), StandardCharsets.ISO_8859_1);
		String title = null;
		boolean version = false;
		for (var line : text.split("\\R")) {
			var l = line.strip();
			if (l.isEmpty()) {
				continue;
			}
			if (title == null) {
				if (!l.startsWith("##TITLE=")) {
					return Optional.empty();
				}
				title = l.substring("##TITLE=".length()).strip();
				continue;
			}
			if (l.startsWith("##JCAMP-DX=")) {
				version = true;
				break;
			}
		}
		return title != null && version ? Optional.of(title.isEmpty() ? "Untitled spectrum" : title) : Optional.empty();
	}

}
