package io.github.footprint.model;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.memory.FootprintBuilder;
import io.github.footprint.model.memory.HttpdStartup;
import io.github.footprint.model.memory.Stacks;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmModel;
import io.github.footprint.model.pylons.PylonsModel;
import io.github.footprint.model.pylons.PylonsReader;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.ModWsgiBuilder;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.parse.wsgi.WsgiOptions;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceSet;

/**
 * Builds the {@link Deployment} from what the readers produced, each part once and in the order the parts need
 * each other: the daemon groups, mod_wsgi's view (mounts and the process group each runs in), the MPM, PasteDeploy's
 * view of the INI files (apps and the daemon group that serves each), the thread stacks, then the footprint.
 */
public final class ModelBuilder {
    private ModelBuilder() {
    }

    /** Builds the model of one environment. {@code apache} may be null (no Apache file in the project). */
    public static Deployment build(String environment, SourceSet sources, HostPathMapper mapper, ApacheConfig apache,
            List<IniDocument> inis, List<ScriptFacts> scripts, ModelParameters parameters) {
        List<DaemonGroup> daemons = ModWsgiBuilder.daemons(apache,
                WsgiOptions.Version.parse(parameters.modWsgiVersion()));
        List<DaemonGroup> named = new ArrayList<>();
        for (DaemonGroup g : daemons) {
            if (!g.name().isEmpty()) {
                named.add(g);
            }
        }
        ModWsgi modWsgi = ModWsgiBuilder.read(apache, named);
        Mpm mpm = MpmModel.build(apache, parameters.assumedMpm(), parameters.apacheVersion());
        PylonsModel pylons = PylonsReader.read(mapper, apache, inis, scripts, modWsgi.mounts(), named,
                parameters.sqlalchemyPrefixes());
        Stacks stacks = Stacks.build(HttpdStartup.of(scripts), mpm, daemons, modWsgi.mounts(), scripts, mapper, apache);
        Host host = parameters.host();
        Footprint footprint = FootprintBuilder.build(apache, mpm, modWsgi, stacks, named, pylons.apps(), host.appRss(),
                host.cpuCores(), host.requestGrowth(), parameters.calibration());
        if (parameters.branches() != null) {
            footprint = footprint.withAssumption(Assumption.branches(parameters.branches().count(),
                    parameters.branches().which()));
        }
        return new Deployment(environment, sources, apache, inis, scripts, daemons, modWsgi, pylons, mpm, stacks,
                footprint, parameters);
    }
}
