package org.harmwatch.analytics.density;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A density grid's limits, each at the value still allowed and the first that is not:
 * cell sizes, one column and one row, the largest number of cells, and an extent of zero
 * width or height.
 */
class GridSpecLimitsTests {

	static final int MAX_CELLS = Integer.MAX_VALUE - 8;

	@Test
	void aGridNeedsPositiveCellsAndAtLeastOneColumnAndRow() {
		assertThatCode(() -> new GridSpec(0, 0, Double.MIN_VALUE, Double.MIN_VALUE, 1, 1)).doesNotThrowAnyException();
		assertThatIllegalArgumentException().isThrownBy(() -> new GridSpec(0, 0, 0, 1, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GridSpec(0, 0, 1, 0, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GridSpec(0, 0, 1, 1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GridSpec(0, 0, 1, 1, 1, 0));
		assertThat(GridSpec.ofExtent(0, 2, 0, 3, 1, 1).cellWidth()).isEqualTo(2.0);
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofExtent(0, 2, 0, 3, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofExtent(0, 2, 0, 3, 1, 0));
	}

	@Test
	void theLargestGridIsAllowedAndOneCellMoreIsNot() {
		assertThatCode(() -> new GridSpec(0, 0, 1, 1, MAX_CELLS, 1)).doesNotThrowAnyException();
		assertThatIllegalArgumentException().isThrownBy(() -> new GridSpec(0, 0, 1, 1, MAX_CELLS + 1, 1))
			.withMessageContaining("too large");
		assertThatIllegalArgumentException().isThrownBy(() -> new GridSpec(0, 0, 1, 1, 65_536, 32_768))
			.withMessageContaining("too large");
		assertThatCode(() -> GridSpec.ofCellSize(0, MAX_CELLS, 0, 1, 1)).doesNotThrowAnyException();
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(0, MAX_CELLS + 1.0, 0, 1, 1))
			.withMessageContaining("too large");
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(0, 65_536, 0, 32_768, 1))
			.withMessageContaining("too large");
	}

	@Test
	void anExtentOfZeroWidthOrHeightOrACellOfZeroIsRefused() {
		GridSpec grid = GridSpec.ofCellSize(1, 4, 2, 4, 1);
		assertThat(grid.columns()).isEqualTo(3);
		assertThat(grid.rows()).isEqualTo(2);
		assertThat(grid.xmax()).isEqualTo(4.0);
		assertThat(grid.ymax()).isEqualTo(4.0);
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(1, 1, 2, 4, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(1, 4, 2, 2, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(1, 4, 2, 4, 0));
	}

}
