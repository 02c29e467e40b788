package org.harmwatch.platform;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared image sanitiser: recognised by bytes, metadata dropped, bombs and non-images refused, scaled down. */
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

	/** A PNG with a text chunk (where cameras and editors put metadata) after the header. */
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
		int ihdrEnd = 8 + 25; // signature, then IHDR (length 4 + type 4 + data 13 + crc 4)
		var out = new ByteArrayOutputStream();
		out.write(png, 0, ihdrEnd);
		out.write(chunk.toByteArray());
		out.write(png, ihdrEnd, png.length - ihdrEnd);
		return out.toByteArray();
	}

	@Test
	void recognisesJpegAndPngByTheirBytesOnly() throws IOException {
		assertThat(ImageSanitiser.recognise(png(2, 2))).contains("image/png");
		assertThat(ImageSanitiser.recognise(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).contains("image/jpeg");
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
		// A PNG header claiming 50,000 x 50,000 pixels: refused from the header, without allocating the image.
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

	private static void writeInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >> 24);
		bytes[at + 1] = (byte) (value >> 16);
		bytes[at + 2] = (byte) (value >> 8);
		bytes[at + 3] = (byte) value;
	}

}
