// A task boundary without setTimeout's 4 ms clamp (nested timers are clamped after five levels, which at
// 1080p would be a fifth of the frame budget): lets the UI (progress bar, Cancel) run between frames.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

export const yieldTask = () =>
  new Promise<void>((r) => {
    queue.push(r);
    channel.port2.postMessage(0);
  });
