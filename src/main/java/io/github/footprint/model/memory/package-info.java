/**
 * The memory model: the stack every kind of thread gets and what httpd's start-up gives every process
 * ({@link io.github.footprint.model.memory.Stacks}, {@link io.github.footprint.model.memory.HttpdStartup}), the
 * measured constants ({@link io.github.footprint.model.memory.Calibration},
 * {@link io.github.footprint.model.memory.ThreadMemory}), and the worst-case resident memory, address space and
 * database connections of the host ({@link io.github.footprint.model.memory.FootprintBuilder} computes
 * {@link io.github.footprint.model.memory.Footprint}).
 */
package io.github.footprint.model.memory;
