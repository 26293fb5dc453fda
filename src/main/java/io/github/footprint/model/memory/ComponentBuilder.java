package io.github.footprint.model.memory;

import io.github.footprint.base.Location;
import io.github.footprint.model.memory.Footprint.Part;
import io.github.footprint.model.memory.Footprint.WsgiState;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.Mount;

/** The numbers of one {@link Footprint.Component}, set by {@link FootprintBuilder}. */
final class ComponentBuilder {
    final String name;
    final Part part;
    final long count;
    final Location location;
    long residentEach;
    long virtualEach;
    Mpm mpm;
    WsgiState wsgi;
    boolean stopping;
    DaemonGroup daemon;
    Mount firstEmbedded;
    long measuredEach;
    int applicationGroups;
    long appRss;
    long threadResident;
    long requestGrowth;
    long stacksEach;
    long arenasEach;
    Integer threads;
    long stackCount;
    long stackSize;

    ComponentBuilder(String name, Part part, long count, Location location) {
        this.name = name;
        this.part = part;
        this.count = count;
        this.location = location;
    }

    ComponentBuilder size(long resident, long virtual) {
        this.residentEach = resident;
        this.virtualEach = virtual;
        return this;
    }

    ComponentBuilder apache(Mpm m, WsgiState state, long measured) {
        this.mpm = m;
        this.wsgi = state;
        this.measuredEach = measured;
        return this;
    }

    ComponentBuilder stopping() {
        this.stopping = true;
        return this;
    }

    ComponentBuilder daemon(DaemonGroup g, long measured, long perThread, long growth) {
        this.daemon = g;
        this.measuredEach = measured;
        this.threadResident = perThread;
        this.requestGrowth = growth;
        return this;
    }

    ComponentBuilder applications(int groups, long rss, Mount first) {
        this.applicationGroups = groups;
        this.appRss = rss;
        this.firstEmbedded = first;
        return this;
    }

    ComponentBuilder addressSpace(long stacks, long arenas) {
        this.stacksEach = stacks;
        this.arenasEach = arenas;
        return this;
    }

    ComponentBuilder threads(Integer threadCount, long stacks, long stack) {
        this.threads = threadCount;
        this.stackCount = stacks;
        this.stackSize = stack;
        return this;
    }

    Footprint.Component build() {
        return new Footprint.Component(this);
    }
}
