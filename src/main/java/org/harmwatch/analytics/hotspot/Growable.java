package org.harmwatch.analytics.hotspot;

import java.util.Arrays;

/** Growable primitive arrays for the neighbour searches. */
final class Growable {

	private Growable() {
	}

	/** A growable int array. */
	static final class Ints {

		int[] data = new int[64];

		int size;

		void add(int value) {
			if (size == data.length) {
				data = Arrays.copyOf(data, data.length * 2);
			}
			data[size++] = value;
		}

		int[] toArray() {
			return Arrays.copyOf(data, size);
		}

	}

	/** A growable double array. */
	static final class Doubles {

		double[] data = new double[64];

		int size;

		void add(double value) {
			if (size == data.length) {
				data = Arrays.copyOf(data, data.length * 2);
			}
			data[size++] = value;
		}

		double[] toArray() {
			return Arrays.copyOf(data, size);
		}

	}

}
