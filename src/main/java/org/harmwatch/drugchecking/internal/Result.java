package org.harmwatch.drugchecking.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultFlag;
import org.harmwatch.drugchecking.ResultVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of a sample's result with its components: the aggregate written when a
 * result is recorded. A version is never changed once stored; the next one is recorded
 * instead, so earlier versions stay as history.
 *
 * <p>
 * Its rules: versions are numbered 1, 2, 3… in the order recorded; only a confirmed
 * version carries flags and reasons; a component's quantity is kept only with its unit,
 * and the salt/base basis only for milligrams per unit.
 */
@Table(schema = "drugchecking", name = "result")
public class Result {

	@Id
	private final UUID id;

	private final UUID sampleId;

	@Column("version")
	private final int number;

	private final boolean confirmed;

	private final List<String> flags;

	private final List<String> reasons;

	private final @Nullable String notes;

	private final String analyst;

	private final Instant recordedAt;

	@MappedCollection(idColumn = "result_id", keyColumn = "position")
	private final List<Part> components;

	@Version
	private @Nullable Integer lockVersion;

	/**
	 * One component as stored: the text written, the vocabulary's substance when it
	 * resolved, and how it was found.
	 */
	@Table(schema = "drugchecking", name = "component")
	record Part(String text, @Nullable String substanceCode, @Nullable String substanceName,
			@Nullable String substanceClass, @Nullable BigDecimal quantity, @Nullable QuantityUnit unit,
			@Nullable Basis basis, Confidence confidence, AnalysisMethod method) {

		ResultVersion.Component view() {
			return new ResultVersion.Component(text, substanceCode, substanceName, substanceClass, quantity, unit,
					basis, confidence, method);
		}

	}

	/** The vocabulary's substance a component's text resolved to. */
	public record Resolved(String code, String name, String substanceClass) {
	}

	@PersistenceCreator
	Result(UUID id, UUID sampleId, int number, boolean confirmed, List<String> flags, List<String> reasons,
			@Nullable String notes, String analyst, Instant recordedAt, List<Part> components,
			@Nullable Integer lockVersion) {
		this.id = id;
		this.sampleId = sampleId;
		this.number = number;
		this.confirmed = confirmed;
		this.flags = List.copyOf(flags);
		this.reasons = List.copyOf(reasons);
		this.notes = notes;
		this.analyst = analyst;
		this.recordedAt = recordedAt;
		this.components = List.copyOf(components);
		this.lockVersion = lockVersion;
	}

	/**
	 * A component as it is stored from what the analyst wrote: the text stripped, the
	 * quantity and unit only when a quantity is given, the basis only for milligrams per
	 * unit.
	 * @throws IllegalArgumentException when the text is blank or the confidence or method
	 * is missing
	 */
	public static ResultVersion.Component component(ComponentDraft draft, @Nullable Resolved substance) {
		if (draft.text() == null || draft.text().isBlank() || draft.confidence() == null || draft.method() == null) {
			throw new IllegalArgumentException("A component needs its text, confidence and method");
		}
		boolean measured = draft.quantity() != null;
		return new ResultVersion.Component(draft.text().strip(), substance == null ? null : substance.code(),
				substance == null ? null : substance.name(), substance == null ? null : substance.substanceClass(),
				measured ? draft.quantity() : null, measured ? draft.unit() : null,
				measured && draft.unit() == QuantityUnit.MG_PER_UNIT ? draft.basis() : null, draft.confidence(),
				draft.method());
	}

	/**
	 * The version after {@code previous} (0 when the sample has none).
	 * @param flags what flagging found; kept only when the version is confirmed, sorted
	 * @param reasons the flags' reasons in words; kept only when the version is confirmed
	 * @throws IllegalArgumentException when there is no component or {@code previous} is
	 * negative
	 */
	public static Result next(UUID sampleId, int previous, boolean confirmed, List<ResultVersion.Component> components,
			List<ResultFlag> flags, List<String> reasons, @Nullable String notes, String analyst, Instant recordedAt) {
		if (previous < 0) {
			throw new IllegalArgumentException("No result version before the first");
		}
		if (components.isEmpty()) {
			throw new IllegalArgumentException("A result names at least one component");
		}
		var parts = components.stream()
			.map(c -> new Part(c.text(), c.substanceCode(), c.substanceName(), c.substanceClass(), c.quantity(),
					c.unit(), c.basis(), c.confidence(), c.method()))
			.toList();
		var kept = confirmed ? flags.stream().distinct().sorted().map(Enum::name).toList() : List.<String>of();
		return new Result(UUID.randomUUID(), sampleId, previous + 1, confirmed, kept, confirmed ? reasons : List.of(),
				notes == null || notes.isBlank() ? null : notes.strip(), analyst, recordedAt, parts, null);
	}

	public UUID id() {
		return id;
	}

	public UUID sampleId() {
		return sampleId;
	}

	public int number() {
		return number;
	}

	/** This version as the module shows it, before any spectrum is attached. */
	public ResultVersion view() {
		return new ResultVersion(id, number, confirmed, flags.stream().map(ResultFlag::valueOf).toList(), reasons,
				notes, analyst, recordedAt, components.stream().map(Part::view).toList(), List.of());
	}

}
