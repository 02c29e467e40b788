package org.harmwatch.analytics.temporal;

import java.util.Arrays;

/**
 * Householder QR with LINPACK dqrdc2's limited column pivoting: a column whose remaining
 * norm falls below tolerance times its original norm is moved to the end and does not
 * count towards the rank.
 */
final class HouseholderQr {

	private static final double TOLERANCE = 1e-11;

	private final int n;

	private final int p;

	/**
	 * Householder vectors below the diagonal, R on and above it (column-major, n x p).
	 */
	private final double[] a;

	private final double[] qraux;

	private final int[] pivot;

	private final int rank;

	private HouseholderQr(int n, int p, double[] a, double[] qraux, int[] pivot, int rank) {
		this.n = n;
		this.p = p;
		this.a = a;
		this.qraux = qraux;
		this.pivot = pivot;
		this.rank = rank;
	}

	/**
	 * Decomposes a column-major n x p matrix in place (the array becomes the
	 * factorisation).
	 */
	static HouseholderQr decomposeColumnMajor(double[] a, int n, int p) {
		int[] pivot = new int[p];
		for (int j = 0; j < p; j++) {
			pivot[j] = j;
		}
		double[] qraux = new double[p];
		double[] norms = new double[p];
		double[] original = new double[p];
		for (int j = 0; j < p; j++) {
			norms[j] = norm(a, j * n, n);
			original[j] = norms[j] == 0 ? 1.0 : norms[j];
		}
		int lup = Math.min(n, p);
		int k = p + 1; // columns k-1.. p-1 (0-based) have been moved to the end
		for (int l = 0; l < lup; l++) {
			// cycle negligible columns to the end
			while (l + 1 < k && norms[l] < original[l] * TOLERANCE) {
				rotateToEnd(a, n, p, l, pivot, norms, original);
				k--;
			}
			if (l == n - 1) {
				break;
			}
			int col = l * n;
			double nrmxl = norm(a, col + l, n - l);
			if (nrmxl == 0) {
				continue;
			}
			if (a[col + l] != 0) {
				nrmxl = Math.copySign(nrmxl, a[col + l]);
			}
			for (int i = l; i < n; i++) {
				a[col + i] /= nrmxl;
			}
			a[col + l] += 1.0;
			for (int j = l + 1; j < p; j++) {
				int cj = j * n;
				double t = 0;
				for (int i = l; i < n; i++) {
					t -= a[col + i] * a[cj + i];
				}
				t /= a[col + l];
				for (int i = l; i < n; i++) {
					a[cj + i] += t * a[col + i];
				}
				if (norms[j] != 0) {
					double tt = 1.0 - Math.pow(Math.abs(a[cj + l]) / norms[j], 2);
					tt = Math.max(tt, 0.0);
					if (Math.abs(tt) < 1e-6) {
						norms[j] = norm(a, cj + l + 1, n - l - 1);
					}
					else {
						norms[j] *= Math.sqrt(tt);
					}
				}
			}
			qraux[l] = a[col + l];
			a[col + l] = -nrmxl;
		}
		int rank = Math.min(k - 1, n);
		return new HouseholderQr(n, p, a, qraux, pivot, rank);
	}

	private static void rotateToEnd(double[] a, int n, int p, int l, int[] pivot, double[] norms, double[] original) {
		double[] column = Arrays.copyOfRange(a, l * n, (l + 1) * n);
		int pv = pivot[l];
		double nr = norms[l];
		double or = original[l];
		for (int j = l; j < p - 1; j++) {
			System.arraycopy(a, (j + 1) * n, a, j * n, n);
			pivot[j] = pivot[j + 1];
			norms[j] = norms[j + 1];
			original[j] = original[j + 1];
		}
		System.arraycopy(column, 0, a, (p - 1) * n, n);
		pivot[p - 1] = pv;
		norms[p - 1] = nr;
		original[p - 1] = or;
	}

	private static double norm(double[] a, int from, int len) {
		// values here are counts times weights, far from overflow: no scaling needed
		double s = 0;
		for (int i = 0; i < len; i++) {
			s += a[from + i] * a[from + i];
		}
		return Math.sqrt(s);
	}

	/** The numerical rank: how many columns were not found negligible. */
	int rank() {
		return this.rank;
	}

	/** Position of original column j in pivoted order. */
	int positionOf(int j) {
		for (int i = 0; i < this.p; i++) {
			if (this.pivot[i] == j) {
				return i;
			}
		}
		throw new IllegalArgumentException("no column " + j);
	}

	/** Least-squares coefficients in original column order; aliased columns get 0. */
	double[] solve(double[] rhs) {
		double[] qty = rhs.clone();
		// apply Q' = H_{k-1} ... H_0
		for (int l = 0; l < Math.min(this.rank, this.n - 1); l++) {
			if (this.qraux[l] == 0) {
				continue;
			}
			int col = l * this.n;
			double diag = this.a[col + l];
			this.a[col + l] = this.qraux[l];
			double t = 0;
			for (int i = l; i < this.n; i++) {
				t -= this.a[col + i] * qty[i];
			}
			t /= this.a[col + l];
			for (int i = l; i < this.n; i++) {
				qty[i] += t * this.a[col + i];
			}
			this.a[col + l] = diag;
		}
		double[] b = new double[this.rank];
		for (int r = this.rank - 1; r >= 0; r--) {
			double s = qty[r];
			for (int c = r + 1; c < this.rank; c++) {
				s -= this.a[c * this.n + r] * b[c];
			}
			b[r] = s / this.a[r * this.n + r];
		}
		double[] coef = new double[this.p];
		for (int r = 0; r < this.rank; r++) {
			coef[this.pivot[r]] = b[r];
		}
		return coef;
	}

	/**
	 * x' (R'R)^-1 x over the non-aliased columns: solve R' u = x (pivoted), return |u|^2.
	 */
	double quadraticFormInverse(double[] x) {
		double[] u = new double[this.rank];
		double s2 = 0;
		for (int r = 0; r < this.rank; r++) {
			double s = x[this.pivot[r]];
			for (int c = 0; c < r; c++) {
				s -= this.a[r * this.n + c] * u[c];
			}
			u[r] = s / this.a[r * this.n + r];
			s2 += u[r] * u[r];
		}
		return s2;
	}

}
