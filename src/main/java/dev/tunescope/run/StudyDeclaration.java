package dev.tunescope.run;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a study folder says about itself in its {@code study.json} (written by Tunescope's studies; any tool may
 * write one): its kind, the folder it was planned from, and the training length it was designed for.
 *
 * @param kind          the kind as written (an id or alias of {@link StudyKind}); empty when not given
 * @param from          the folder it was planned from, relative to the study's own folder
 * @param maxTrainSteps the max_train_steps the study's plan assumed (e.g. a warmup study's 10% cap)
 */
public record StudyDeclaration(Optional<String> kind, Optional<String> from, OptionalLong maxTrainSteps) {
    public static final StudyDeclaration NONE = new StudyDeclaration(Optional.empty(), Optional.empty(),
            OptionalLong.empty());
}
