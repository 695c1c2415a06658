package dev.tunescope.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a node as it is drawn on screen (a plot, say) as a PNG file. */
final class PngExport {
    private PngExport() {
    }

    static void save(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
