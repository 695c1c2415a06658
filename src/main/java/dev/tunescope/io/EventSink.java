package dev.tunescope.io;

import dev.tunescope.run.Histogram;
import dev.tunescope.run.HyperparameterValue;
import java.util.Map;

/** What {@link EventDecoder} finds in one TensorBoard {@code Event}. */
interface EventSink {

    /** @param tagId the tag's number in the file's {@link TagTable}, or {@link TagTable#NONE} */
    void scalar(int tagId, String tag, long step, double wallTime, double value);

    void histogram(String tag, long step, double wallTime, Histogram histogram);

    /** The hparams plugin's {@code session_start_info}: the trial's hyperparameters. */
    void hyperparameters(Map<String, HyperparameterValue> values);

    /** A {@code SessionLog} with status START: the run restarted from a checkpoint at {@code step}. */
    void sessionStart(long step);

    /** A value the decoder recognised but could not use, such as a tensor of an unsupported type. */
    void skipped(String tag, String why);
}
