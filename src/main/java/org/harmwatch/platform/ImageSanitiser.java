package org.harmwatch.platform;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.springframework.stereotype.Component;

/**
 * Makes a photo safe to keep or publish: decides what it is from its first bytes (never from its name or the sender's
 * content type), accepts only JPEG and PNG, refuses images too large to decode safely, and decodes and writes them
 * again, which drops every metadata block (EXIF with its GPS position and camera serial, XMP, comments, thumbnails).
 * The one implementation for every module that takes photos: early-warning report attachments and drug-checking
 * sample photos.
 */
@Component
public class ImageSanitiser {

	/** Larger images are refused before they are decoded (a small file can decode to gigabytes). */
	public static final long MAX_PIXELS = 40_000_000L;

	/**
	 * A photo that may be stored: re-encoded, with no metadata.
	 *
	 * @param contentType {@code image/jpeg} or {@code image/png}, what the bytes are
	 * @param extension {@code jpg} or {@code png}
	 * @param content the re-encoded bytes
	 * @param width its width in pixels
	 * @param height its height in pixels
	 */
	public record CleanImage(String contentType, String extension, byte[] content, int width, int height) {
	}

	/** A file that is not a photo that can be kept, with a reason a person can act on. */
	public static class UnacceptableImage extends Exception {

		public UnacceptableImage(String message) {
			super(message);
		}

	}

	/** The image type the bytes are ({@code image/jpeg} or {@code image/png}), or empty when neither. */
	public static Optional<String> recognise(byte[] content) {
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		return Optional.empty();
	}

	/** The photo re-encoded at its own size, without metadata. */
	public CleanImage clean(byte[] content) throws UnacceptableImage {
		return clean(content, Integer.MAX_VALUE);
	}

	/**
	 * The photo re-encoded without metadata, scaled down (never up) so that neither side is longer than
	 * {@code maxSide} pixels.
	 * @throws UnacceptableImage when it is not a JPEG or PNG, cannot be decoded or has more than {@link #MAX_PIXELS}
	 */
	public CleanImage clean(byte[] content, int maxSide) throws UnacceptableImage {
		var type = recognise(content)
			.orElseThrow(() -> new UnacceptableImage("it is not a JPEG or PNG image."));
		var format = type.equals("image/jpeg") ? "jpeg" : "png";
		var image = scaled(decode(content, format), maxSide);
		if ("jpeg".equals(format) && image.getColorModel().hasAlpha()) {
			image = copy(image, image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		}
		var out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new UnacceptableImage("the image cannot be read.");
			}
		}
		catch (IOException ex) {
			throw new UnacceptableImage("the image cannot be read.");
		}
		return new CleanImage(type, "jpeg".equals(format) ? "jpg" : "png", out.toByteArray(), image.getWidth(),
				image.getHeight());
	}

	private static BufferedImage decode(byte[] content, String format) throws UnacceptableImage {
		try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			var readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new UnacceptableImage("the image cannot be read.");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw new UnacceptableImage("the image is too large (at most 40 megapixels).");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new UnacceptableImage("the image is damaged or not a " + format.toUpperCase(java.util.Locale.ROOT)
					+ " file.");
		}
	}

	/** Halves the image while it is more than twice too large, then scales the rest: smooth and fast enough. */
	private static BufferedImage scaled(BufferedImage image, int maxSide) {
		int longest = Math.max(image.getWidth(), image.getHeight());
		if (longest <= maxSide) {
			return image;
		}
		int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		var current = image;
		while (Math.max(current.getWidth(), current.getHeight()) / 2 >= maxSide) {
			current = copy(current, Math.max(1, current.getWidth() / 2), Math.max(1, current.getHeight() / 2), type);
		}
		double factor = (double) maxSide / Math.max(current.getWidth(), current.getHeight());
		if (factor < 1) {
			current = copy(current, Math.max(1, (int) Math.round(current.getWidth() * factor)),
					Math.max(1, (int) Math.round(current.getHeight() * factor)), type);
		}
		return current;
	}

	private static BufferedImage copy(BufferedImage image, int width, int height, int type) {
		var target = new BufferedImage(width, height, type);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			if (type == BufferedImage.TYPE_INT_RGB) {
				g.setColor(java.awt.Color.WHITE);
				g.fillRect(0, 0, width, height);
			}
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
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

}
