/**
 * Value types every module speaks: purposes, capabilities and actions of the access
 * model.
 *
 * <p>
 * No behaviour and no Spring beans live here; it is the shared vocabulary of the
 * data-protection model.
 */
@NullMarked
package org.harmwatch.shared;

import org.jspecify.annotations.NullMarked;
