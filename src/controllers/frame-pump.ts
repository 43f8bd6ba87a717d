/** Where the pump's frames go: the worker client, which then owns each frame. */
export interface FrameSink {
  /** True when a frame offered now would go to the worker at once. */
  readonly idle: boolean;
  offer(frame: ImageBitmap, timestamp: number): boolean;
}

/**
 * Takes frames from any video `MediaStreamTrack` (the camera today, a shared call window next)
 * and hands the newest to the sink whenever it is free: never a queue, at most one capture at a
 * time. It plays the track in a video element of its own, so it needs nothing from the page.
 */
export class FramePump {
  private video: HTMLVideoElement | null = null;
  private callback = 0;
  /** A new video frame arrived since the last capture. */
  private fresh = false;
  private capturing = false;

  constructor(
    private readonly sink: FrameSink,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get attached(): boolean {
    return this.video !== null;
  }

  attach(track: MediaStreamTrack): void {
    this.detach();
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = new MediaStream([track]);
    // A muted video may always play; a failure shows as no frames, which the screen already reports.
    video.play().catch(() => undefined);
    this.video = video;
    this.schedule();
  }

  detach(): void {
    const video = this.video;
    if (video === null) return;
    if (this.callback !== 0) video.cancelVideoFrameCallback(this.callback);
    video.srcObject = null;
    this.video = null;
    this.callback = 0;
    this.fresh = false;
  }

  /** The sink became free: send the newest frame if one arrived meanwhile. */
  poke(): void {
    const video = this.video;
    if (video === null || !this.fresh || this.capturing || !this.sink.idle) return;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    this.fresh = false;
    this.capturing = true;
    const timestamp = this.now();
    createImageBitmap(video).then(
      (bitmap) => {
        this.capturing = false;
        if (this.video === video) this.sink.offer(bitmap, timestamp);
        else bitmap.close();
      },
      () => {
        this.capturing = false;
      },
    );
  }

  private schedule(): void {
    const video = this.video;
    if (video === null) return;
    this.callback = video.requestVideoFrameCallback(() => {
      this.fresh = true;
      this.poke();
      this.schedule();
    });
  }
}
