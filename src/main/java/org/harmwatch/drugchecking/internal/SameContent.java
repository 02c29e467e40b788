package org.harmwatch.drugchecking.internal;

import java.math.BigDecimal;
import java.util.Objects;

import org.harmwatch.drugchecking.Consultation;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.IntendedChange;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultVersion;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleView;
import org.jspecify.annotations.Nullable;

/**
 * Whether what a field device sent is what is stored under its client id, as stored
 * (stripped, unmeasured quantities without unit, basis only for milligrams): a re-send is
 * then answered "already stored", anything else is a conflict.
 */
public final class SameContent {

	private SameContent() {
	}

	public static boolean same(SampleView s, SampleDraft d) {
		boolean pill = d.form() == DosageForm.PILL;
		return s.mode() == d.mode() && Objects.equals(s.soldAs(), trimmed(d.soldAs())) && s.form() == d.form()
				&& Objects.equals(s.pillColour(), pill ? trimmed(d.pillColour()) : null)
				&& Objects.equals(s.pillLogo(), pill ? trimmed(d.pillLogo()) : null)
				&& Objects.equals(s.pillShape(), pill ? trimmed(d.pillShape()) : null)
				&& Objects.equals(s.pillScoreLine(), pill ? d.pillScoreLine() : null)
				&& sameNumber(s.pillWeightMg(), pill ? d.pillWeightMg() : null)
				&& Objects.equals(s.obtainedLadCode(), trimmed(d.obtainedLadCode()))
				&& Objects.equals(s.intendedDose(), trimmed(d.intendedDose()))
				&& s.consent() == Boolean.TRUE.equals(d.consent()) && s.ageBand() == d.ageBand();
	}

	public static boolean same(ResultVersion r, ResultDraft d) {
		var given = d.components().stream().filter(c -> c != null && trimmed(c.text()) != null).toList();
		if (r.confirmed() != d.confirmed() || !Objects.equals(r.notes(), trimmed(d.notes()))
				|| r.components().size() != given.size()) {
			return false;
		}
		for (int i = 0; i < given.size(); i++) {
			var s = r.components().get(i);
			var c = given.get(i);
			boolean measured = c.quantity() != null;
			if (!s.text().equals(trimmed(c.text())) || !sameNumber(s.quantity(), c.quantity())
					|| s.unit() != (measured ? c.unit() : null)
					|| s.basis() != (measured && c.unit() == QuantityUnit.MG_PER_UNIT ? c.basis() : null)
					|| s.confidence() != c.confidence() || s.method() != c.method()) {
				return false;
			}
		}
		return true;
	}

	public static boolean same(Consultation s, @Nullable String advice, @Nullable Boolean disposed,
			@Nullable IntendedChange change, @Nullable String referral) {
		return s.advice().equals(trimmed(advice)) && Objects.equals(s.disposed(), disposed)
				&& s.intendedChange() == change && Objects.equals(s.referral(), trimmed(referral));
	}

	private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
