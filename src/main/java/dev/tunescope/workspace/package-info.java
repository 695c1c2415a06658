/**
 * The one pipeline both front ends use: open a folder, sort its runs into studies, diagnose each study with the
 * user's current settings, and hand the result to the command line, the desktop app, the study planner and the
 * exports alike.
 */
package dev.tunescope.workspace;
