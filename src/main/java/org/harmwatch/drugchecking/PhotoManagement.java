package org.harmwatch.drugchecking;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.drugchecking.internal.DrugCheckingAudit;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.drugchecking.internal.PhotoRepository;
import org.harmwatch.drugchecking.internal.SampleRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.ImageSanitiser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of a sample (a pill's front and back, a powder's packaging), taken at intake by
 * the analyst. Every photo is re-encoded by the platform's {@link ImageSanitiser} before
 * it is stored, so no camera metadata (EXIF, a GPS position) is ever kept. Photos show
 * the sample, never a person: keeping faces and hands out of the frame is the analyst's
 * job, and the upload page says so.
 *
 * <p>
 * Photos follow the sample's release rules, {@link ReleaseManagement#withheld}: a reader
 * from whom the session's licence withholds the results sees no photo either. The public
 * sees a photo only when the sample is {@linkplain ReleaseManagement#onBoard on the
 * board} and the session's licence allows photographs to be published
 * ({@link ReleaseManagement#photographsPublishable}); otherwise it does not exist for
 * them. The public lookup by code shows no photos at all.
 */
@Service
public class PhotoManagement {

	/** At most this many photos per sample. */
	public static final int MAX_PHOTOS = 4;

	/** At most this many bytes per photo as sent. */
	public static final int MAX_BYTES = 8 * 1024 * 1024;

	/** Photos are scaled down so that neither side is longer than this. */
	public static final int MAX_SIDE = 2000;

	/** A caption is at most this long. */
	public static final int MAX_CAPTION = 100;

	private final SessionManagement sessionManagement;

	private final SampleManagement sampleManagement;

	private final ReleaseManagement releaseManagement;

	private final ImageSanitiser images;

	private final PhotoRepository repository;

	private final SampleRepository sampleRows;

	private final AuditLog audit;

	private final MessageSource messages;

	PhotoManagement(SessionManagement sessionManagement, SampleManagement sampleManagement,
			ReleaseManagement releaseManagement, ImageSanitiser images, PhotoRepository repository,
			SampleRepository sampleRows, AuditLog audit, MessageSource messages) {
		this.messages = messages;
		this.sessionManagement = sessionManagement;
		this.sampleManagement = sampleManagement;
		this.releaseManagement = releaseManagement;
		this.images = images;
		this.repository = repository;
		this.sampleRows = sampleRows;
		this.audit = audit;
	}

	/**
	 * A stored photo, without its bytes.
	 *
	 * @param caption what it shows, e.g. "front", "back", "packaging"; may be absent
	 * @param contentType what Harmwatch found and stored ({@code image/jpeg} or
	 * {@code image/png}), never what the sender said
	 * @param size bytes as stored
	 */
	public record Photo(UUID id, UUID sampleId, @Nullable String caption, String contentType, long size, int width,
			int height, String uploadedBy, Instant uploadedAt) {

		/** A file name for downloads, e.g. {@code photo-front.jpg}. */
		public String filename() {
			var base = caption == null ? "photo"
					: "photo-" + caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
			return (base.equals("photo-") ? "photo" : base) + (contentType.equals("image/png") ? ".png" : ".jpg");
		}

	}

	/** A stored photo with its bytes. */
	public record Content(Photo photo, byte[] content) {
	}

	/**
	 * What is wrong with a photo for the sample; empty when it can be stored. Stores
	 * nothing.
	 * @throws NotFoundException when there is no such sample
	 */
	public List<FieldProblem> check(UUID sampleId, byte @Nullable [] content, @Nullable String caption) {
		var problems = new ArrayList<FieldProblem>();
		prepare(sampleId, content, caption, problems);
		return problems;
	}

	/**
	 * Stores a photo of the sample, re-encoded without metadata and scaled down to at
	 * most {@link #MAX_SIDE} pixels.
	 * @throws InputRejectedException naming what is wrong (not a JPEG or PNG, too large,
	 * too many photos, caption too long); nothing is stored then
	 * @throws NotFoundException when there is no such sample
	 */
	@Transactional
	public Photo add(UUID sampleId, byte @Nullable [] content, @Nullable String caption, String by, Instant now) {
		// Lock the sample, so two uploads at once cannot both pass the count.
		if (!sampleRows.lockIfExists(sampleId)) {
			throw new NotFoundException("drugchecking.notFound.sample", sampleId);
		}
		var problems = new ArrayList<FieldProblem>();
		var clean = prepare(sampleId, content, caption, problems);
		if (clean == null || !problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var photo = new Photo(UUID.randomUUID(), sampleId, trimmed(caption), clean.contentType(),
				clean.content().length, clean.width(), clean.height(), by, now);
		repository.add(photo, sha256(clean.content()), clean.content());
		audit.record(DrugCheckingAudit.DRUG_CHECK_PHOTO_ADDED, "drug-checking-sample", sampleId.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, photo.id().toString());
		return photo;
	}

	/**
	 * Deletes one of the sample's photos.
	 * @throws NotFoundException when the sample has no such photo
	 */
	@Transactional
	public void delete(UUID sampleId, UUID photoId) {
		if (!repository.delete(sampleId, photoId)) {
			throw new NotFoundException("drugchecking.notFound.photo", photoId);
		}
		audit.record(DrugCheckingAudit.DRUG_CHECK_PHOTO_DELETED, "drug-checking-sample", sampleId.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, photoId.toString());
	}

	/**
	 * The photos of a released sample that its reader may see, oldest first: none when
	 * the licence conditions withhold the sample's results from the reader.
	 */
	public List<Photo> of(Release release) {
		if (release.isWithheld() || !DrugCheckingPolicy.seesPhotographs(release.audience(), release.session())) {
			return List.of();
		}
		return repository.ofSample(release.sample().id());
	}

	/**
	 * A photo with its bytes, for a signed-in reader, under the same rules as the
	 * sample's results ({@link ReleaseManagement#withheld}). Empty when there is no such
	 * photo and when the licence conditions withhold it, alike. Each read, and each
	 * refusal, is audited.
	 */
	public Optional<Content> read(UUID photoId, HarmwatchUser reader) {
		var found = content(photoId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var photo = found.get().photo();
		var sample = sampleManagement.sample(photo.sampleId(), reader, Action.READ);
		var session = sessionManagement.session(sample.sessionId()).orElseThrow();
		var audience = DrugCheckingPolicy.audienceOf(reader);
		var reason = DrugCheckingPolicy.seesPhotographs(audience, session)
				? DrugCheckingPolicy.withheld(audience, session, sample) : "drugchecking.withheld.photographs";
		audit.record(
				reason == null ? DrugCheckingAudit.DRUG_CHECK_PHOTO_VIEWED
						: DrugCheckingAudit.DRUG_CHECK_PHOTO_WITHHELD,
				"drug-checking-sample", sample.id().toString(), Purpose.HEALTH,
				reason == null ? AuditLog.Outcome.ALLOWED : AuditLog.Outcome.DENIED, audience.name() + " " + photoId);
		return reason == null ? found : Optional.empty();
	}

	/**
	 * A photo with its bytes for the public, only when it is published: its sample is on
	 * the board and the session's licence allows photographs to be published. Empty
	 * otherwise, so that guessing an id reveals nothing.
	 */
	public Optional<Content> published(UUID photoId) {
		var found = content(photoId);
		if (found.isEmpty() || !isPublished(found.get().photo().sampleId())) {
			return Optional.empty();
		}
		return found;
	}

	private boolean isPublished(UUID sampleId) {
		var sample = sampleManagement.sample(sampleId).orElseThrow();
		var session = sessionManagement.session(sample.sessionId()).orElseThrow();
		return ReleaseManagement.photographsPublishable(session) && releaseManagement.onBoard(sampleId);
	}

	/**
	 * The published photos of releases made for the public board, by sample: only samples
	 * whose session's licence allows photographs to be published. Releases withheld or
	 * made for another audience get none.
	 */
	public Map<UUID, List<Photo>> publishedOf(List<Release> boardReleases) {
		var ids = boardReleases.stream()
			.filter(r -> r.audience() == Audience.PUBLIC_BOARD && !r.isWithheld())
			.filter(r -> ReleaseManagement.photographsPublishable(r.session()))
			.map(r -> r.sample().id())
			.distinct()
			.toList();
		return repository.ofSamples(ids);
	}

	/**
	 * Alternative text for a photo from the sample's description, in the reader's words
	 * ({@code drugchecking.photos.alt…}), e.g. {@code Photo of a pill sold as MDMA: pink,
	 * Tesla, round (front)}.
	 */
	public String alt(DosageForm form, String soldAs, @Nullable String colour, @Nullable String logo,
			@Nullable String shape, @Nullable String caption) {
		var locale = LocaleContextHolder.getLocale();
		var looks = Stream.of(colour, logo, shape).filter(t -> t != null && !t.isBlank()).toList();
		var alt = messages.getMessage("drugchecking.photos.alt",
				new Object[] { messages.getMessage("drugchecking.photos.alt." + form.name(), null, locale), soldAs },
				locale);
		if (!looks.isEmpty()) {
			alt = messages.getMessage("drugchecking.photos.alt.looks", new Object[] { alt, String.join(", ", looks) },
					locale);
		}
		if (caption != null && !caption.isBlank()) {
			alt = messages.getMessage("drugchecking.photos.alt.caption", new Object[] { alt, caption.strip() }, locale);
		}
		return alt;
	}

	private Optional<Content> content(UUID photoId) {
		return repository.content(photoId);
	}

	private ImageSanitiser.@Nullable CleanImage prepare(UUID sampleId, byte @Nullable [] content,
			@Nullable String caption, List<FieldProblem> problems) {
		sampleManagement.sample(sampleId)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.sample", sampleId));
		long stored = repository.countOf(sampleId);
		if (caption != null && caption.strip().length() > MAX_CAPTION) {
			problems.add(FieldProblem.of("caption", "drugchecking.error.caption.size", MAX_CAPTION));
		}
		if (stored >= MAX_PHOTOS) {
			problems.add(FieldProblem.of("photo", "drugchecking.error.photo.tooMany", MAX_PHOTOS));
			return null;
		}
		if (content == null || content.length == 0) {
			problems.add(FieldProblem.of("photo", "drugchecking.error.photo.required"));
			return null;
		}
		if (content.length > MAX_BYTES) {
			problems.add(FieldProblem.of("photo", "drugchecking.error.photo.size", MAX_BYTES / (1024 * 1024)));
			return null;
		}
		try {
			return images.clean(content, MAX_SIDE);
		}
		catch (ImageSanitiser.UnacceptableImage ex) {
			problems.add(FieldProblem.of("photo", "drugchecking.error.photo.unusable", ex.getMessage()));
			return null;
		}
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
