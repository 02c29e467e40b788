package org.harmwatch.naloxone;

/**
 * A naloxone product the programme supplies.
 *
 * @param code its code, e.g. {@code NYXOID}
 * @param name its name and strength
 * @param form {@code NASAL} or {@code INJECTABLE}
 * @param dosesPerKit doses in one kit
 */
public record Product(String code, String name, String form, int dosesPerKit) {

}
