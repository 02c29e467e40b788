package org.harmwatch.custodytesting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The treatment team's onward referrals to heroin-assisted treatment, one per referral.
 */
@Repository
public class CustodyHatReferralRepository {

	/** An onward referral as stored. */
	public record StoredHatReferral(UUID id, UUID referralId, String teamAgency, String clinicAgency,
			LocalDate consentOn, LocalDate referredOn) {
	}

	private final JdbcClient jdbc;

	CustodyHatReferralRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the onward referral; false when the referral has one already. */
	public boolean insert(StoredHatReferral referral, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO custodytesting.hat_referral (id, referral_id, team_agency, clinic_agency, consent_on,
				  referred_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (referral_id) DO NOTHING
				""")
			.params(referral.id(), referral.referralId(), referral.teamAgency(), referral.clinicAgency(),
					referral.consentOn(), referral.referredOn(), by, Timestamp.from(now))
			.update() == 1;
	}

	public Optional<StoredHatReferral> ofReferral(UUID referralId) {
		return jdbc.sql("""
				SELECT id, referral_id, team_agency, clinic_agency, consent_on, referred_on
				FROM custodytesting.hat_referral WHERE referral_id = ?
				""")
			.param(referralId)
			.query((rs, row) -> new StoredHatReferral(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class)))
			.optional();
	}

}
