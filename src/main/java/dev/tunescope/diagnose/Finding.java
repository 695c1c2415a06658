package dev.tunescope.diagnose;

/**
 * One answer of one playbook rule.
 *
 * @param rule     the rule's id, e.g. {@code "lr-star"}, {@code "instability"}, {@code "clipping"}
 * @param message  one sentence a practitioner understands
 * @param evidence what the answer rests on
 */
public record Finding(String rule, Severity severity, String message, Evidence evidence) {
}
