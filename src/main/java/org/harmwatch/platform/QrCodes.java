package org.harmwatch.platform;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as SVG, drawn from ZXing's bit matrix (no AWT needed). */
public final class QrCodes {

	private QrCodes() {
	}

	/**
	 * The QR code's modules, row by row ({@code true} is dark), quiet zone included: for
	 * renderers without SVG, such as the PDF posters.
	 */
	public static boolean[][] modules(String text) {
		var matrix = matrix(text);
		var rows = new boolean[matrix.getHeight()][matrix.getWidth()];
		for (int y = 0; y < rows.length; y++) {
			for (int x = 0; x < rows[y].length; x++) {
				rows[y][x] = matrix.get(x, y);
			}
		}
		return rows;
	}

	private static BitMatrix matrix(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code", ex);
		}
	}

	/** The QR code as an SVG image, four pixels a module. */
	public static String svg(String text) {
		var matrix = matrix(text);
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
				+ "\" height=\"" + (h * 4) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + w + "\" height=\"" + h
				+ "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
