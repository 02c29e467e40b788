package org.harmwatch.earlywarning.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides what a sent file really is from its first bytes (never from its name or the sender's content type) and
 * makes it safe to keep: photos are decoded and written again, which drops every metadata block (EXIF with its GPS
 * position, XMP, comments); PDFs are kept as sent. Anything else is refused.
 */
@Component
public class AttachmentSanitiser {

	/** Larger images are refused before they are decoded (a small file can decode to gigabytes). */
	static final long MAX_PIXELS = 40_000_000L;

	/**
	 * A file that may be stored.
	 *
	 * @param filename its safe name
	 * @param contentType what it is
	 * @param content the bytes to store
	 */
	public record Clean(String filename, String contentType, byte[] content) {
	}

	/** A file that cannot be stored, with a reason a person can act on. */
	public static class UnacceptableFile extends Exception {

		UnacceptableFile(String message) {
			super(message);
		}

	}

	public Clean clean(String filename, byte[] content) throws UnacceptableFile {
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return new Clean(withExtension(filename, "jpg"), "image/jpeg", reencode(content, "jpeg"));
		}
		if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return new Clean(withExtension(filename, "png"), "image/png", reencode(content, "png"));
		}
		if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
			return new Clean(withExtension(filename, "pdf"), "application/pdf", content);
		}
		throw new UnacceptableFile("send a photo (JPEG or PNG) or a PDF.");
	}

	private static byte[] reencode(byte[] content, String format) throws UnacceptableFile {
		try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			var readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new UnacceptableFile("the image cannot be read.");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw new UnacceptableFile("the image is too large (at most 40 megapixels).");
				}
				BufferedImage image = reader.read(0);
				if ("jpeg".equals(format) && image.getColorModel().hasAlpha()) {
					var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
					rgb.getGraphics().drawImage(image, 0, 0, null);
					image = rgb;
				}
				var out = new ByteArrayOutputStream();
				if (!ImageIO.write(image, format, out)) {
					throw new UnacceptableFile("the image cannot be read.");
				}
				return out.toByteArray();
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new UnacceptableFile("the image is damaged or not a " + format.toUpperCase() + " file.");
		}
	}

	private static boolean startsWith(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** The name without any folder, control or unusual characters, at most 100 characters. */
	public static String safeName(@Nullable String filename) {
		var name = filename == null ? "" : filename;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
		if (name.isEmpty() || name.chars().allMatch(c -> c == '.' || c == '_')) {
			name = "file";
		}
		return name.length() > 100 ? name.substring(0, 100) : name;
	}

	private static String withExtension(String filename, String extension) {
		var dot = filename.lastIndexOf('.');
		var base = dot > 0 ? filename.substring(0, dot) : filename;
		return base + "." + extension;
	}

}
