/** While typing goes on, "typing" is said again this often: the customer's widget forgets it after 8 s. */
export const TYPING_REPEAT_MS = 3000;
/** No keystroke for this long: "stopped typing". */
export const TYPING_IDLE_MS = 5000;

/**
 * When to tell the customer the agent is typing: at the first keystroke, then at most once per
 * TYPING_REPEAT_MS while keystrokes continue, and "stopped" after TYPING_IDLE_MS without one or
 * when the reply is sent. A few small frames a minute, never one per key.
 */
export class TypingSignal {
  private typing = false;
  private saidAt = 0;
  private idle: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly say: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A keystroke that changed the text. */
  input(): void {
    const at = this.now();
    if (!this.typing || at - this.saidAt >= TYPING_REPEAT_MS) {
      this.typing = true;
      this.saidAt = at;
      this.say(true);
    }
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Sent, emptied, idle or left: "stopped", once. */
  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (!this.typing) return;
    this.typing = false;
    this.say(false);
  }
}
