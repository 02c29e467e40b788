package org.harmwatch.drugchecking.internal;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as SVG, drawn from ZXing's bit matrix (no AWT needed). */
public final class QrCodes {

	private QrCodes() {
	}

	public static String svg(String text) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			int w = matrix.getWidth();
			int h = matrix.getHeight();
			var path = new StringBuilder();
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + (w * 4)
					+ "\" height=\"" + (h * 4) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + w + "\" height=\""
					+ h + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code", ex);
		}
	}

}
