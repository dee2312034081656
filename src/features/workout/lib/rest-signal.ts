// The end of a rest, felt and heard: a vibration and a short beep where the device allows.
type AudioContextConstructor = new () => AudioContext;

let audio: AudioContext | null = null;

function audioContextConstructor(): AudioContextConstructor | undefined {
  const scope = window as typeof window & { webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/** Call from a tap: browsers only let audio play once the page was touched. */
export function primeRestSignal(): void {
  try {
    const Context = audioContextConstructor();
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  } catch {
    audio = null;
  }
}

export function signalRestOver(): void {
  try {
    navigator.vibrate?.([200, 100, 200]);
  } catch {
    // Some browsers throw instead of ignoring a vibration they will not do.
  }
  try {
    primeRestSignal();
    if (!audio) return;
    const start = audio.currentTime;
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.25, start);
    volume.gain.exponentialRampToValueAtTime(0.001, start + 0.35);
    tone.connect(volume).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.35);
  } catch {
    // No sound is fine: the screen and the vibration already tell.
  }
}
