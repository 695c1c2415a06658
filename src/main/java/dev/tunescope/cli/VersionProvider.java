package dev.tunescope.cli;

import picocli.CommandLine;

/** Reports the version written into the jar's manifest at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Tunescope " + version()};
    }
}
