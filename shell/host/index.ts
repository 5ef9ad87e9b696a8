// The reference shell's host side: runs with or without the UI.
export * from './command-registry.js';
export * from './context-key-registry.js';
export * from './dialog-queue.js';
export * from './mail-outbox.js';
export * from './message-center.js';
export * from './print-queue.js';
export * from './shell-clock.js';
export * from './shell-host.js';
export * from './shell-session.js';
export * from './when-clause.js';
