package org.harmwatch.diversion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Treatment staff's onward referrals to heroin-assisted treatment, one per link. */
@Repository
public class DiversionHatReferralRepository {

	private final JdbcClient jdbc;

	DiversionHatReferralRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the onward referral; false when the link has one already. */
	public boolean insert(UUID id, String reference, String sendingAgency, String clinicAgency, LocalDate consentOn,
			LocalDate referredOn, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO diversion.hat_referral (id, reference, sending_agency, clinic_agency, consent_on,
				  referred_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (reference) DO NOTHING
				""")
			.params(id, reference, sendingAgency, clinicAgency, consentOn, referredOn, by, Timestamp.from(now))
			.update() == 1;
	}

	/** The earliest day of the link: the day its treatment condition was linked. */
	public LocalDate linkedOn(String reference, java.time.ZoneId zone) {
		return jdbc.sql("SELECT created_at FROM diversion.treatment_link WHERE reference = ?")
			.param(reference)
			.query((rs, row) -> LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), zone))
			.single();
	}

}
