/**
 * Situational awareness: one map and timeline of what the intelligence loop knows about a
 * period, an area and a substance class (overdoses, early-warning reports, signals,
 * drug-checking findings, spikes and alerts), with the analytics engine's Gi* hotspots
 * and heatmap over them and an epidemic curve.
 *
 * <p>
 * A read model with no tables of its own: each request asks the modules that own the
 * records through their public APIs, as the viewer, so that each module's own policy
 * decides what the viewer gets (an overdose's exact point only for health readers, the
 * drug-checking board's published results only). It never widens what a module gives.
 */
@NullMarked
@ApplicationModule(displayName = "Situational awareness",
		allowedDependencies = { "shared", "platform", "platform :: forms", "substances", "geography", "analytics",
				"analytics :: hotspot", "analytics :: density", "analytics :: events", "overdose", "earlywarning",
				"drugchecking" })
package org.harmwatch.awareness;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
