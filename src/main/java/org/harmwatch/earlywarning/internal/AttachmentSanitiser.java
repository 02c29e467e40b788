package org.harmwatch.earlywarning.internal;

import java.nio.charset.StandardCharsets;

import org.harmwatch.platform.ImageSanitiser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides what a sent file really is from its first bytes (never from its name or the
 * sender's content type) and makes it safe to keep: photos go through the platform's
 * {@link ImageSanitiser}, which decodes and writes them again and so drops every metadata
 * block (EXIF with its GPS position, XMP, comments); PDFs are kept as sent. Anything else
 * is refused.
 */
@Component
public class AttachmentSanitiser {

	private final ImageSanitiser images;

	AttachmentSanitiser(ImageSanitiser images) {
		this.images = images;
	}

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

		private final @Nullable String reason;

		/**
		 * @param reason why an image cannot be stored, in the platform's words;
		 * {@code null} when the file is neither a photo nor a PDF
		 */
		UnacceptableFile(@Nullable String reason) {
			super(reason == null ? "neither a photo nor a PDF" : reason);
			this.reason = reason;
		}

		public @Nullable String reason() {
			return reason;
		}

	}

	public Clean clean(String filename, byte[] content) throws UnacceptableFile {
		if (ImageSanitiser.recognise(content).isPresent()) {
			try {
				var image = images.clean(content);
				return new Clean(withExtension(filename, image.extension()), image.contentType(), image.content());
			}
			catch (ImageSanitiser.UnacceptableImage ex) {
				throw new UnacceptableFile(ex.getMessage());
			}
		}
		if (content.length >= 5 && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
			return new Clean(withExtension(filename, "pdf"), "application/pdf", content);
		}
		throw new UnacceptableFile(null);
	}

	/**
	 * The name without any folder, control or unusual characters, at most 100 characters.
	 */
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
