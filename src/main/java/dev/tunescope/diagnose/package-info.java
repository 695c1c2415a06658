/**
 * The tuning playbook ({@code shared/playbook/RULES.md}) as pure functions: series in, findings with evidence out.
 *
 * <p>No I/O and no GUI. Every threshold is a named default in a {@code Settings} record next to its rule, so a
 * caller (the CLI, a panel's slider) can change it and see the answer change.
 */
package dev.tunescope.diagnose;
