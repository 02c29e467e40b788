/**
 * One way for every module to import a CSV file: upload, column mapping, a background job
 * with progress, all or nothing with every bad row named, resumable by another instance.
 *
 * <p>
 * A module declares an {@link org.harmwatch.platform.imports.ImportKind} (its columns,
 * how a row becomes its record, and what to do with the valid records in one transaction)
 * as a bean, and calls {@link org.harmwatch.platform.imports.Imports}: {@code upload}
 * keeps the file in the database, {@code start} queues the job with the confirmed
 * {@link org.harmwatch.platform.imports.ColumnMapping}, and a worker on any instance
 * claims it with a lease ({@code FOR UPDATE SKIP LOCKED}), checks every row, then stores
 * all of them or none. A job belongs to the uploader's agency: only people of that agency
 * holding the kind's grant see it, and every read is audited. The page fragment
 * {@code imports/progress :: progress(job, statusUrl)} and {@code /js/import-progress.js}
 * show the progress, with or without JavaScript. See
 * docs/adr/0010-one-import-facility-and-commons-csv.md.
 */
@NullMarked
@NamedInterface("imports")
package org.harmwatch.platform.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
