package dev.tunescope.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs compared together: the trials of one study (an LR sweep, a warmup study, ...), found in one folder.
 *
 * @param id            unique among the studies of an opened folder: {@code path}, followed by what set it apart
 *                      ({@code "runs [workload=mlp]"}) where one folder holds several studies
 * @param path          the folder the study lives in, relative to the folder the user opened ("." for that folder)
 * @param kind          what the study is for; decides how its trials are judged
 * @param kindReason    why it is that kind: "study.json", "the runs' study hyperparameter", or what varies across
 *                      its runs ("learning rate varies: 7 values")
 * @param basedOn       the id of the study this one was planned from or refers to (a warmup study's sweep), as
 *                      {@code study.json}'s {@code from} names it; empty when none
 * @param splitBy       the settings that set this study apart from others in the same folder (empty when the
 *                      folder holds one study)
 * @param maxTrainSteps the training length the study was designed for, where {@code study.json} records it
 * @param notes         what a reader should know about how the runs were grouped (two formats of one run read as
 *                      one trial, a folder split in two)
 * @param outsideFolder a study outside the opened folder, read only because another names it in {@code from}
 */
public record Study(String id, String path, String name, StudyKind kind, String kindReason, Optional<String> basedOn,
                    Map<String, String> splitBy, OptionalLong maxTrainSteps, List<Run> runs, List<String> notes,
                    boolean outsideFolder) {

    public Study {
        splitBy = Map.copyOf(splitBy);
        runs = List.copyOf(runs);
        notes = List.copyOf(notes);
    }

    /** Runs of a folder judged each on its own: no study design. */
    public static Study plain(String path, String name, List<Run> runs) {
        return new Study(path, path, name, StudyKind.RUNS, "no study design given", Optional.empty(), Map.of(),
                OptionalLong.empty(), runs, List.of(), false);
    }

    /** A study of the given kind, declared as such (tests and callers that know what they hold). */
    public static Study of(String path, StudyKind kind, List<Run> runs) {
        return new Study(path, path, lastSegment(path), kind, "declared", Optional.empty(), Map.of(),
                OptionalLong.empty(), runs, List.of(), false);
    }

    /** How people read the study's id: the opened folder's own name in place of ".". */
    public String label() {
        return path.equals(".") ? name + id.substring(1) : id;
    }

    /** The same study, recorded as referring to the study {@code other} (its {@code from}). */
    public Study basedOn(String other) {
        return new Study(id, path, name, kind, kindReason, Optional.of(other), splitBy, maxTrainSteps, runs, notes,
                outsideFolder);
    }

    private static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
