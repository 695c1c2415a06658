package dev.tunescope.run;

/** The file formats Tunescope reads; {@link #id()} is the name used in the CLI's output. */
public enum RunFormat {
    TENSORBOARD("tensorboard"),
    LIGHTNING_CSV("lightning-csv"),
    KERAS_CSV("keras-csv"),
    MLFLOW("mlflow"),
    TUNESCOPE("tunescope-jsonl");

    private final String id;

    RunFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
