package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The coordinator asked a reporting agency a question about one of its reports; its staff
 * who report are to be told. Carries no report content and no reporter: the question is
 * read signed in.
 *
 * @param questionId the question, to link to
 * @param agencyCode the agency asked
 * @param askedAt when
 */
@NamedInterface("events")
public record ReporterQuestionAsked(UUID questionId, String agencyCode, Instant askedAt) {

}
