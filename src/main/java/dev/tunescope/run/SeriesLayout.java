package dev.tunescope.run;

/**
 * How a series' points are stored: how many blocks, how many of them keep their values as floats, and the
 * bytes its steps and wall times take a point on average (0 for a stride, 2, 4 or 8).
 */
public record SeriesLayout(int blocks, int floatBlocks, double stepBytesPerPoint, double wallBytesPerPoint) {

    static SeriesLayout of(PointBlock[] blocks) {
        int floats = 0;
        long points = 0;
        long stepBytes = 0;
        long wallBytes = 0;
        for (PointBlock block : blocks) {
            floats += block.valuesAreFloats() ? 1 : 0;
            points += block.size();
            stepBytes += (long) block.stepBytes() * block.size();
            wallBytes += (long) block.wallBytes() * block.size();
        }
        return new SeriesLayout(blocks.length, floats, points == 0 ? 0 : stepBytes / (double) points,
                points == 0 ? 0 : wallBytes / (double) points);
    }

    /** True when every block keeps its values as floats. */
    public boolean allFloats() {
        return floatBlocks == blocks;
    }
}
