/**
 * The ground every capability stands on: security, layout, errors, the audit log, the
 * clock and messages.
 *
 * <p>
 * Used by every other module and by nobody directly: staff meet it as the sign-in page,
 * the navigation, the error pages and, for auditors, the audit log search. It holds no
 * business rules. Other modules plug into it through the types in this package:
 * {@link org.harmwatch.platform.HarmwatchUser} (who is signed in),
 * {@link org.harmwatch.platform.AuditLog} (record access to personal data),
 * {@link org.harmwatch.platform.PublicEndpoint} (open an endpoint to everyone),
 * {@link org.harmwatch.platform.NavigationItem} (appear in the menu),
 * {@link org.harmwatch.platform.ApiTokenResolver} (authenticate API clients),
 * {@link org.harmwatch.platform.PasswordHashes} (the stored hash a password sign-in is
 * checked against), {@link org.harmwatch.platform.ClientRateLimiter} (limit an anonymous
 * form per client, across instances), {@link org.harmwatch.platform.SignInThrottle} (how
 * failed sign-ins slow an account), {@link org.harmwatch.platform.OutboundHttp} (fetch a
 * URL someone gave us without reaching internal addresses) and
 * {@link org.harmwatch.platform.CurrentUsers} (what a signed-in person may do now). It
 * also holds what every module shares about input and output:
 * {@link org.harmwatch.platform.CsvWriter} (every CSV export, formula injection
 * neutralised) and {@link org.harmwatch.platform.CsvReader} (every CSV read), both on
 * Apache Commons CSV; the named interface {@code imports}
 * ({@link org.harmwatch.platform.imports.Imports}), through which every module imports
 * CSV files in the background, all or nothing;
 * {@link org.harmwatch.platform.ImageSanitiser} (every photo, bounded in memory and in
 * decodes at once), {@link org.harmwatch.platform.SafeText} and
 * {@link org.harmwatch.platform.InputRanges} (what text and dates are accepted; request
 * parameters and JSON bodies are checked once, for every endpoint, before any sees them);
 * and, for imports of hundreds of thousands of rows,
 * {@link org.harmwatch.platform.BulkCopy} (many rows in one binary {@code COPY}, in the
 * caller's transaction) and {@link org.harmwatch.platform.TimeOrderedIds} (ids that fill
 * a big table's key index at its end).
 */
@NullMarked
@ApplicationModule(displayName = "Platform", allowedDependencies = { "shared" })
package org.harmwatch.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
