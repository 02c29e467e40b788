package org.harmwatch.substances;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The pharmacological group a substance belongs to, as early-warning panels and
 * drug-checking services use them.
 *
 * <p>
 * Classes form a tree: a nitazene is a high-potency synthetic opioid and an opioid, a
 * designer benzodiazepine a benzodiazepine, a synthetic cathinone a stimulant. A
 * substance has its most specific class; whoever asks for a class (a subscriber's filter,
 * a signal rule, a statistic) asks {@link #isA} and so gets every class below it.
 * Synthetic cannabinoids are not under cannabis: their harms are not cannabis's.
 */
public enum SubstanceClass {

	/**
	 * Heroin, morphine, methadone, buprenorphine and other opioids that are not in a
	 * class below.
	 */
	OPIOID(null),

	/**
	 * Fentanyl and its analogues (carfentanil, para-fluorofentanyl…); above nitazenes,
	 * the other high-potency synthetic opioids.
	 */
	HIGH_POTENCY_SYNTHETIC_OPIOID(OPIOID),

	/** 2-Benzylbenzimidazole opioids (isotonitazene, metonitazene, protonitazepyne…). */
	NITAZENE(HIGH_POTENCY_SYNTHETIC_OPIOID),

	/** Synthetic cannabinoid receptor agonists ("spice"). */
	SYNTHETIC_CANNABINOID(null),

	/** Cannabis and its natural cannabinoids. */
	CANNABIS(null),

	/**
	 * Benzodiazepines, designer benzodiazepines and drugs that act like them (etizolam).
	 */
	BENZODIAZEPINE(null),

	/**
	 * Benzodiazepines never licensed as medicines in the UK, sold as "street Xanax" or
	 * "blues" or found in heroin (bromazolam, flualprazolam, etizolam…).
	 */
	DESIGNER_BENZODIAZEPINE(BENZODIAZEPINE),

	/**
	 * Other depressants: veterinary alpha-2 sedatives (xylazine, medetomidine), GHB,
	 * gabapentinoids, alcohol.
	 */
	SEDATIVE(null),

	/** Cocaine, amphetamines and other stimulants. */
	STIMULANT(null),

	/** Synthetic cathinones (mephedrone, MDPV, alpha-PVP…). */
	SYNTHETIC_CATHINONE(STIMULANT),

	/** MDMA and its relatives (MDA, PMMA, PMA). */
	MDMA_TYPE(null),

	/** Ketamine, nitrous oxide and other dissociatives. */
	DISSOCIATIVE(null),

	/** LSD, psilocybin, NBOMes and other psychedelics. */
	PSYCHEDELIC(null),

	/** Cutting agents and adulterants (caffeine, lidocaine, levamisole, phenacetin…). */
	ADULTERANT(null),

	/**
	 * Precursors, manufacturing by-products and metabolites that show another drug was
	 * there (4-ANPP).
	 */
	PRECURSOR_OR_BYPRODUCT(null),

	/** Anything else. */
	OTHER(null);

	private final @Nullable SubstanceClass parent;

	/** Made once: an import asks for it for each of a million incidents. */
	private final List<SubstanceClass> lineage;

	SubstanceClass(@Nullable SubstanceClass parent) {
		this.parent = parent;
		// A parent is declared above its children, so its lineage is made already.
		var lineage = new ArrayList<SubstanceClass>();
		lineage.add(this);
		if (parent != null) {
			lineage.addAll(parent.lineage);
		}
		this.lineage = List.copyOf(lineage);
	}

	/** The class this one is a kind of; {@code null} at the top. */
	public @Nullable SubstanceClass parent() {
		return this.parent;
	}

	/** Whether this class is {@code other} or a kind of it, at any depth. */
	public boolean isA(SubstanceClass other) {
		for (var c = this; c != null; c = c.parent) {
			if (c == other) {
				return true;
			}
		}
		return false;
	}

	/** This class and every class it is a kind of, most specific first. */
	public List<SubstanceClass> lineage() {
		return lineage;
	}

	/** How deep in the tree: 0 at the top (for indenting a list of classes). */
	public int depth() {
		return lineage().size() - 1;
	}

	/**
	 * Class names with every class they are a kind of added, in the order given, each
	 * once: what a filter on a class must match. Names that are not classes are kept.
	 */
	public static List<String> withAncestors(Collection<String> names) {
		var all = new LinkedHashSet<String>();
		for (var name : names) {
			all.add(name);
			Arrays.stream(values())
				.filter(c -> c.name().equals(name))
				.findFirst()
				.ifPresent(c -> c.lineage().forEach(a -> all.add(a.name())));
		}
		return List.copyOf(all);
	}

	/**
	 * The class of this name and every class below it, at any depth: what a question
	 * about the class must count. Empty for a name that is not a class.
	 */
	public static List<String> withDescendants(@Nullable String name) {
		var named = Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
		if (named.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(values()).filter(c -> c.isA(named.get())).map(Enum::name).toList();
	}

	/** Whether substances of this class are opioids, so that naloxone advice applies. */
	public boolean isOpioid() {
		return isA(OPIOID);
	}

}
