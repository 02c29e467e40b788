package org.harmwatch.platform;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Makes a photo safe to keep or publish: decides what it is from its first bytes (never
 * from its name or the sender's content type), accepts only JPEG and PNG, refuses images
 * too large to decode safely, and decodes and writes them again, which drops every
 * metadata block (EXIF with its GPS position and camera serial, XMP, comments,
 * thumbnails); a JPEG's EXIF orientation is applied to the pixels first, so a phone photo
 * is not stored on its side. The one implementation for every module that takes photos:
 * early-warning report attachments and drug-checking sample photos.
 *
 * <p>
 * <b>Decompression bombs.</b> A small file can decode to gigabytes: a 309 KB PNG of 6,300
 * x 6,300 pixels of 16-bit RGBA decodes to 318 MB. So the memory an image will take
 * (width x height x the bits of all its bands, from the header) is checked before
 * anything is decoded, against {@link ImageLimits#maxDecodedSize()} as well as
 * {@link #MAX_PIXELS}; and only {@link ImageLimits#maxConcurrentDecodes()} images are
 * decoded at once on an instance. A photo that finds every slot taken waits
 * {@link ImageLimits#decodeWait()} for one, then is refused with {@link Busy}, which is a
 * 503 with {@code Retry-After}: the server is briefly short of capacity, which is what
 * 503 means (RFC 9110 15.6.4); 429 would tell the sender that they sent too much, when
 * the others did.
 */
@Component
@EnableConfigurationProperties(ImageLimits.class)
public class ImageSanitiser {

	/**
	 * Larger images are refused before they are decoded (a small file can decode to
	 * gigabytes).
	 */
	public static final long MAX_PIXELS = 40_000_000L;

	private final ImageLimits limits;

	private final Semaphore decodes;

	/** A sanitiser with the default limits. */
	public ImageSanitiser() {
		this(ImageLimits.defaults());
	}

	/** A sanitiser with the given limits. */
	@Autowired
	public ImageSanitiser(ImageLimits limits) {
		this.limits = limits;
		this.decodes = new Semaphore(Math.max(1, limits.maxConcurrentDecodes()), true);
	}

	/**
	 * Thrown when every decoding slot stays taken for longer than the wait: try again in
	 * a few seconds.
	 */
	@ResponseStatus(value = HttpStatus.SERVICE_UNAVAILABLE)
	public static class Busy extends RuntimeException {

		/** Seconds after which a retry is likely to find a slot. */
		public static final int RETRY_AFTER_SECONDS = 5;

		public Busy() {
			super("Photos are being processed for other people just now. Try again in a few seconds.");
		}

	}

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

	/**
	 * The image type the bytes are ({@code image/jpeg} or {@code image/png}), or empty
	 * when neither.
	 */
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
	 * The photo re-encoded without metadata, scaled down (never up) so that neither side
	 * is longer than {@code maxSide} pixels.
	 * @throws UnacceptableImage when it is not a JPEG or PNG, cannot be decoded or has
	 * more than {@link #MAX_PIXELS}
	 */
	public CleanImage clean(byte[] content, int maxSide) throws UnacceptableImage {
		var type = recognise(content).orElseThrow(() -> new UnacceptableImage("it is not a JPEG or PNG image."));
		try (var slot = decodeSlot()) {
			return clean(content, maxSide, type);
		}
	}

	/**
	 * One of the decoding slots, held until closed.
	 * @throws Busy when none comes free within the wait
	 */
	DecodeSlot decodeSlot() {
		try {
			if (!decodes.tryAcquire(limits.decodeWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new Busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		return new DecodeSlot(decodes);
	}

	/** A decoding slot; closing it gives it back. */
	static final class DecodeSlot implements AutoCloseable {

		private final Semaphore decodes;

		private boolean released;

		private DecodeSlot(Semaphore decodes) {
			this.decodes = decodes;
		}

		@Override
		public void close() {
			if (!released) {
				released = true;
				decodes.release();
			}
		}

	}

	private CleanImage clean(byte[] content, int maxSide, String type) throws UnacceptableImage {
		var format = type.equals("image/jpeg") ? "jpeg" : "png";
		// The EXIF orientation is dropped with the rest of the metadata, so turn the
		// pixels the way it said.
		var image = oriented(scaled(decode(content, format), maxSide),
				"jpeg".equals(format) ? orientation(content) : 1);
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

	private BufferedImage decode(byte[] content, String format) throws UnacceptableImage {
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
				long bytes = decodedBytes(reader, pixels);
				if (bytes > limits.maxDecodedSize().toBytes()) {
					throw new UnacceptableImage(String.format(Locale.ENGLISH,
							"the image is too large: %,d x %,d pixels would take %,d MB to read, and at most %,d MB are "
									+ "allowed. Send it at a lower resolution or as an ordinary 8-bit JPEG.",
							reader.getWidth(0), reader.getHeight(0), (bytes + 1024 * 1024 - 1) / (1024 * 1024),
							limits.maxDecodedSize().toMegabytes()));
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new UnacceptableImage("the image is damaged or not a " + format.toUpperCase(Locale.ROOT) + " file.");
		}
	}

	/**
	 * The bytes the decoded image will take, from its header: pixels times the bits of
	 * all its bands (a 16-bit RGBA pixel is 8 bytes, an 8-bit RGB one 3). When the header
	 * does not say, 8 bytes a pixel, the most of any PNG.
	 */
	static long decodedBytes(ImageReader reader, long pixels) {
		try {
			var types = reader.getImageTypes(0);
			if (types.hasNext()) {
				var sampleModel = types.next().getSampleModel();
				long bits = 0;
				for (int size : sampleModel.getSampleSize()) {
					bits += size;
				}
				if (bits > 0) {
					return (pixels * bits + 7) / 8;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// fall through: assume the most
		}
		return pixels * 8;
	}

	/**
	 * Halves the image while it is more than twice too large, then scales the rest:
	 * smooth and fast enough.
	 */
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

	/**
	 * The EXIF orientation (1 to 8) of a JPEG, read from its APP1 segment; 1 (as stored)
	 * when there is none or it cannot be read.
	 */
	static int orientation(byte[] jpeg) {
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
			int marker = jpeg[i + 1] & 0xFF;
			if (marker == 0xDA || marker == 0xD9) {
				return 1;
			}
			int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
			if (length < 2) {
				return 1;
			}
			int start = i + 4;
			int end = Math.min(jpeg.length, i + 2 + length);
			if (marker == 0xE1 && end - start >= 14 && jpeg[start] == 'E' && jpeg[start + 1] == 'x'
					&& jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f' && jpeg[start + 4] == 0
					&& jpeg[start + 5] == 0) {
				int tiff = start + 6;
				boolean little;
				if (jpeg[tiff] == 'I' && jpeg[tiff + 1] == 'I') {
					little = true;
				}
				else if (jpeg[tiff] == 'M' && jpeg[tiff + 1] == 'M') {
					little = false;
				}
				else {
					return 1;
				}
				long offset = read(jpeg, tiff + 4, 4, little);
				if (offset < 8 || tiff + offset + 2 > end) {
					return 1;
				}
				int ifd = tiff + (int) offset;
				int entries = (int) read(jpeg, ifd, 2, little);
				for (int k = 0; k < entries; k++) {
					int entry = ifd + 2 + 12 * k;
					if (entry + 12 > end) {
						return 1;
					}
					if (read(jpeg, entry, 2, little) == 0x0112) {
						int value = (int) read(jpeg, entry + 8, 2, little);
						return value >= 1 && value <= 8 ? value : 1;
					}
				}
				return 1;
			}
			i += 2 + length;
		}
		return 1;
	}

	private static long read(byte[] bytes, int at, int size, boolean little) {
		long value = 0;
		for (int k = 0; k < size; k++) {
			int b = bytes[little ? at + size - 1 - k : at + k] & 0xFF;
			value = (value << 8) | b;
		}
		return value;
	}

	/** The image turned and flipped as its EXIF orientation says it should be shown. */
	static BufferedImage oriented(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		var transform = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			default -> new AffineTransform(0, -1, 1, 0, 0, w);
		};
		int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		var target = new BufferedImage(swap ? h : w, swap ? w : h, type);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.drawImage(image, transform, null);
		}
		finally {
			g.dispose();
		}
		return target;
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
