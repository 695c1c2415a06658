/**
 * Readers and writers of run formats, run discovery under a folder, and re-reading of files still being written.
 *
 * <p>Every reader keeps the promises of DESIGN.md's "bad input" section: it never throws, it keeps every record
 * before (and where it can, after) damage, it reports damage as a {@link dev.tunescope.run.ReadWarning} naming the
 * file and byte offset, and it never allocates by a length read from the file.
 */
package dev.tunescope.io;
