package dev.tunescope.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** The device a run trains on: the first GPU when DJL finds one, else the CPU. */
public final class Devices {
    private Devices() {
    }

    public static Device preferred() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** As {@code run.json} records it: {@code "cpu"} or {@code "gpu(0)"}. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }
}
