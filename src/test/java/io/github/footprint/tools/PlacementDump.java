package io.github.footprint.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.footprint.source.Placement;
import io.github.footprint.source.SourceLoader;
import io.github.footprint.source.SourceSet;

/** Not a test: prints the install steps and placements of a tree. */
public final class PlacementDump {
    private PlacementDump() {
    }

    public static void main(String[] args) {
        Path tree = Path.of(args[0]);
        SourceSet s = new SourceLoader(tree.getParent(), tree, List.of(), List.of()).load(new Properties(), true);
        Placement p = Placement.of(s, Map.of(), null, "");
        p.steps().forEach(st -> System.out.println("STEP " + st));
        p.all().forEach((k, v) -> System.out.println("PLACE " + k + " " + v));
    }
}
