package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.internal.DraftChecks;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What drug checking's CSV import ({@link DrugCheckingImports}) needs of the rest of the
 * module: a session, taking a sample in, and recording a result that is history rather
 * than news. The module's API is split by what users do: {@link SessionManagement},
 * {@link SampleManagement}, {@link ResultManagement}, {@link ReleaseManagement}.
 */
@Service
public class DrugCheckingManagement {

	static final int MAX_COMPONENTS = DraftChecks.MAX_COMPONENTS;

	private final SessionManagement sessions;

	private final SampleManagement intake;

	private final ResultManagement results;

	DrugCheckingManagement(SessionManagement sessions, SampleManagement intake, ResultManagement results) {
		this.sessions = sessions;
		this.intake = intake;
		this.results = results;
	}

	/** A session, whoever asks: {@link SessionManagement#session(UUID)}. */
	public Optional<SessionView> session(UUID id) {
		return sessions.session(id);
	}

	/**
	 * A session for a user under its owner's rules:
	 * {@link SessionManagement#session(UUID, HarmwatchUser, Action)}.
	 */
	public SessionView session(UUID id, HarmwatchUser user, Action action) {
		return sessions.session(id, user, action);
	}

	/**
	 * The sample created with this client id: {@link SampleManagement#sampleByClientId}.
	 */
	public Optional<SampleView> sampleByClientId(UUID clientId) {
		return intake.sampleByClientId(clientId);
	}

	/** Takes an imported sample in: {@link SampleManagement#takeIn}. */
	public SampleView takeIn(UUID sessionId, SampleDraft draft, String takenBy, Instant now) {
		return intake.takeIn(sessionId, draft, takenBy, now);
	}

	/**
	 * Records a result that is history, not news (e.g. a partner lab's, imported from
	 * CSV): as {@link ResultManagement#recordResult}, but it publishes no
	 * {@link DangerousSampleFound}.
	 * @throws DrugCheckingRejectedException naming every wrong field; nothing is stored
	 * then
	 */
	@Transactional
	public ResultVersion recordHistoricalResult(UUID sampleId, ResultDraft draft, String analyst, Instant at) {
		return results.record(sampleId, draft, analyst, at, false);
	}

	/** Thrown when there is no such session, sample, result or import. */
	public static class NotFound extends DrugCheckingNotFoundException {

		public NotFound(String what) {
			super(what);
		}

	}

}
