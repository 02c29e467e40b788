package org.harmwatch.agency.web;

/**
 * Validation group for the fields only a new record has (a code, name or username that
 * never changes afterwards).
 */
interface OnCreate {

}
