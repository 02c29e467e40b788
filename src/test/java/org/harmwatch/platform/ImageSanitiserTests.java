package org.harmwatch.platform;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared image sanitiser: recognised by bytes, metadata dropped, bombs and non-images
 * refused, scaled down.
 */
class ImageSanitiserTests {

	final ImageSanitiser sanitiser = new ImageSanitiser();

	static byte[] png(int width, int height) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		var g = image.getGraphics();
		g.setColor(Color.PINK);
		g.fillOval(0, 0, width, height);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/**
	 * A PNG with a text chunk (where cameras and editors put metadata) after the header.
	 */
	static byte[] pngWithText(String text) throws IOException {
		var png = png(40, 30);
		var data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
		var chunk = new ByteArrayOutputStream();
		var type = "tEXt".getBytes(StandardCharsets.US_ASCII);
		chunk.write(new byte[] { 0, 0, (byte) (data.length >> 8), (byte) data.length });
		chunk.write(type);
		chunk.write(data);
		var crc = new CRC32();
		crc.update(type);
		crc.update(data);
		long c = crc.getValue();
		chunk.write(new byte[] { (byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c });
		int ihdrEnd = 8 + 25; // signature, then IHDR (length 4 + type 4 + data 13 + crc
								// 4)
		var out = new ByteArrayOutputStream();
		out.write(png, 0, ihdrEnd);
		out.write(chunk.toByteArray());
		out.write(png, ihdrEnd, png.length - ihdrEnd);
		return out.toByteArray();
	}

	@Test
	void recognisesJpegAndPngByTheirBytesOnly() throws IOException {
		assertThat(ImageSanitiser.recognise(png(2, 2))).contains("image/png");
		assertThat(ImageSanitiser.recognise(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
			.contains("image/jpeg");
		assertThat(ImageSanitiser.recognise("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageSanitiser.recognise(new byte[0])).isEmpty();
	}

	@Test
	void pngTextMetadataIsDroppedAndThePictureKept() throws Exception {
		var sent = pngWithText("GPS 52.48N 1.89W SECRET-HOME");
		assertThat(new String(sent, StandardCharsets.ISO_8859_1)).contains("SECRET-HOME");
		assertThat(ImageIO.read(new ByteArrayInputStream(sent))).isNotNull();
		var clean = sanitiser.clean(sent);
		assertThat(clean.contentType()).isEqualTo("image/png");
		assertThat(clean.extension()).isEqualTo("png");
		assertThat(new String(clean.content(), StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-HOME", "tEXt");
		assertThat(clean.width()).isEqualTo(40);
		assertThat(clean.height()).isEqualTo(30);
	}

	@Test
	void largePhotosAreScaledDownNeverUp() throws Exception {
		var big = sanitiser.clean(png(900, 300), 200);
		assertThat(big.width()).isEqualTo(200);
		assertThat(big.height()).isEqualTo(67);
		assertThat(ImageIO.read(new ByteArrayInputStream(big.content())).getWidth()).isEqualTo(200);
		var small = sanitiser.clean(png(50, 20), 200);
		assertThat(small.width()).isEqualTo(50);
	}

	/**
	 * A 64 x 48 JPEG, red in its top-left corner, white elsewhere, with an EXIF block
	 * giving its orientation.
	 */
	static byte[] jpegWithOrientation(int orientation) throws IOException {
		var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var g = image.getGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 64, 48);
		g.setColor(Color.RED);
		g.fillRect(0, 0, 16, 16);
		var jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", jpeg);
		var bytes = jpeg.toByteArray();
		var exif = new ByteArrayOutputStream();
		exif.write("Exif\0\0MM\0*".getBytes(StandardCharsets.ISO_8859_1));
		exif.write(
				new byte[] { 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0 });
		var block = exif.toByteArray();
		var out = new ByteArrayOutputStream();
		out.write(bytes, 0, 2);
		out.write(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) ((block.length + 2) >> 8), (byte) (block.length + 2) });
		out.write(block);
		out.write(bytes, 2, bytes.length - 2);
		return out.toByteArray();
	}

	static boolean red(BufferedImage image, int x, int y) {
		var c = new Color(image.getRGB(x, y));
		return c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80;
	}

	@Test
	void aPhoneTurnedOnItsSideIsStoredUpright() throws Exception {
		assertThat(ImageSanitiser.orientation(jpegWithOrientation(6))).isEqualTo(6);
		assertThat(ImageSanitiser.orientation(jpegWithOrientation(1))).isEqualTo(1);

		// 6: turn 90 degrees clockwise; the top-left corner goes to the top right.
		var turned = sanitiser.clean(jpegWithOrientation(6));
		var image = ImageIO.read(new ByteArrayInputStream(turned.content()));
		assertThat(image.getWidth()).isEqualTo(48);
		assertThat(image.getHeight()).isEqualTo(64);
		assertThat(red(image, 40, 8)).isTrue();
		assertThat(red(image, 8, 8)).isFalse();
		assertThat(new String(turned.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");

		// 8: turn 90 degrees anticlockwise; the top-left corner goes to the bottom left.
		var back = ImageIO.read(new ByteArrayInputStream(sanitiser.clean(jpegWithOrientation(8)).content()));
		assertThat(red(back, 8, 56)).isTrue();
		// 3: upside down; the top-left corner goes to the bottom right.
		var flipped = ImageIO.read(new ByteArrayInputStream(sanitiser.clean(jpegWithOrientation(3)).content()));
		assertThat(flipped.getWidth()).isEqualTo(64);
		assertThat(red(flipped, 56, 40)).isTrue();
		// 1: as stored.
		var upright = ImageIO.read(new ByteArrayInputStream(sanitiser.clean(jpegWithOrientation(1)).content()));
		assertThat(red(upright, 8, 8)).isTrue();
		// Rubbish in the EXIF block is ignored, not a failure.
		var broken = jpegWithOrientation(6);
		broken[16] = 0x7F; // the IFD offset's high byte (after SOI, APP1, length,
							// "Exif\0\0", "MM\0*"): far past the block
		assertThat(ImageSanitiser.orientation(broken)).isEqualTo(1);
	}

	@Test
	void anythingElseIsRefusedWithAReason() {
		assertThatThrownBy(() -> sanitiser.clean("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(ImageSanitiser.UnacceptableImage.class)
			.hasMessage("it is not a JPEG or PNG image.");
		var truncated = new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
		assertThatThrownBy(() -> sanitiser.clean(truncated)).isInstanceOf(ImageSanitiser.UnacceptableImage.class)
			.hasMessage("the image is damaged or not a PNG file.");
	}

	@Test
	void anImageThatWouldDecodeToTooManyPixelsIsRefusedBeforeDecoding() throws Exception {
		// A PNG header claiming 50,000 x 50,000 pixels: refused from the header, without
		// allocating the image.
		var png = png(1, 1);
		var header = png.clone();
		writeInt(header, 16, 50_000);
		writeInt(header, 20, 50_000);
		var crc = new CRC32();
		crc.update(header, 12, 17);
		writeInt(header, 29, (int) crc.getValue());
		assertThatThrownBy(() -> sanitiser.clean(header)).isInstanceOf(ImageSanitiser.UnacceptableImage.class)
			.hasMessage("the image is too large (at most 40 megapixels).");
	}

	/**
	 * The bomb of the trust issue: 6,300 x 6,300 pixels of 16-bit RGBA, all zero, which
	 * deflate squeezes into about 309 KB. Written chunk by chunk as the PNG specification
	 * lays them out, without ever holding the image.
	 */
	static synchronized byte[] sixteenBitRgbaBomb() throws IOException {
		if (bomb == null) {
			bomb = writeBomb();
		}
		return bomb.clone();
	}

	private static byte[] bomb;

	private static byte[] writeBomb() throws IOException {
		int side = 6300;
		var ihdr = new ByteArrayOutputStream();
		ihdr.write(new byte[] { 0, 0, (byte) (side >> 8), (byte) side, 0, 0, (byte) (side >> 8), (byte) side });
		ihdr.write(new byte[] { 16, 6, 0, 0, 0 }); // 16 bits a sample, RGBA, deflate, no
													// filter method, no interlace
		var idat = new ByteArrayOutputStream();
		try (var deflate = new DeflaterOutputStream(idat, new Deflater(9))) {
			var row = new byte[1 + side * 8]; // filter type 0, then the samples
			for (int y = 0; y < side; y++) {
				deflate.write(row);
			}
		}
		var out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		chunk(out, "IHDR", ihdr.toByteArray());
		chunk(out, "IDAT", idat.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		var length = new byte[4];
		writeInt(length, 0, data.length);
		out.writeBytes(length);
		var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		var crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		var sum = new byte[4];
		writeInt(sum, 0, (int) crc.getValue());
		out.writeBytes(sum);
	}

	@Test
	void aSmallFileThatWouldDecodeToHundredsOfMegabytesIsRefusedFromItsHeader() throws Exception {
		var bomb = sixteenBitRgbaBomb();
		assertThat(bomb.length).as("a small file").isLessThan(400_000);
		// Under the pixel limit (39.7 megapixels), so only the memory it would take gives
		// it away: 8 bytes a pixel.
		assertThat(6300L * 6300).isLessThan(ImageSanitiser.MAX_PIXELS);
		assertThatThrownBy(() -> sanitiser.clean(bomb)).isInstanceOf(ImageSanitiser.UnacceptableImage.class)
			.hasMessageContaining("6,300 x 6,300 pixels would take 303 MB to read, and at most 128 MB are allowed");
	}

	@Test
	void theMemoryLimitCountsEveryBandAndItsDepth() throws Exception {
		// 1,000 x 1,000 grey: under 1 MB at 8 bits, 2 MB at 16; the limit lies between.
		var limits = new ImageLimits(DataSize.ofMegabytes(1), 2, Duration.ofSeconds(1));
		var limited = new ImageSanitiser(limits);
		assertThat(limited.clean(grey(BufferedImage.TYPE_BYTE_GRAY)).width()).isEqualTo(1000);
		assertThatThrownBy(() -> limited.clean(grey(BufferedImage.TYPE_USHORT_GRAY)))
			.isInstanceOf(ImageSanitiser.UnacceptableImage.class)
			.hasMessageContaining("would take 2 MB to read, and at most 1 MB");
	}

	static byte[] grey(int type) throws IOException {
		var image = new BufferedImage(1000, 1000, type);
		var g = image.getGraphics();
		g.setColor(Color.GRAY);
		g.fillOval(100, 100, 800, 800);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void whenEveryDecodingSlotIsTakenAPhotoWaitsBrieflyThenIsRefusedAsBusy() throws Exception {
		var limits = new ImageLimits(DataSize.ofMegabytes(128), 1, Duration.ofMillis(50));
		var oneAtATime = new ImageSanitiser(limits);
		var photo = png(40, 30);
		try (var taken = oneAtATime.decodeSlot()) {
			assertThatThrownBy(() -> oneAtATime.clean(photo)).isInstanceOf(ImageSanitiser.Busy.class)
				.hasMessageContaining("Try again in a few seconds");
		}
		assertThat(oneAtATime.clean(photo).width()).as("the slot is free again").isEqualTo(40);
		// A refused image gives its slot back too.
		assertThatThrownBy(() -> oneAtATime.clean(sixteenBitRgbaBomb()))
			.isInstanceOf(ImageSanitiser.UnacceptableImage.class);
		assertThat(oneAtATime.clean(photo).width()).isEqualTo(40);
	}

	private static void writeInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >> 24);
		bytes[at + 1] = (byte) (value >> 16);
		bytes[at + 2] = (byte) (value >> 8);
		bytes[at + 3] = (byte) value;
	}

}
