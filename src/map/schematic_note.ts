import type { IControl } from 'maplibre-gl';

/** An always-visible note on the map: the zones are schematic, the axes approximate; and the data date. */
export class SchematicNoteControl implements IControl {
  private container: HTMLElement | null = null;

  constructor(
    private badge: string,
    private text: string,
  ) {}

  /** The note in another language (the map keeps running). */
  setText(badge: string, text: string): void {
    this.badge = badge;
    this.text = text;
    const [b, t] = [this.container?.querySelector('strong'), this.container?.querySelector('span')];
    if (b) b.textContent = badge;
    if (t) t.textContent = ` ${text}`;
  }

  onAdd(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'maplibregl-ctrl schematic-note';
    const badge = document.createElement('strong');
    badge.textContent = this.badge;
    const text = document.createElement('span');
    text.textContent = ` ${this.text}`;
    box.append(badge, text);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }

  getDefaultPosition(): 'top-left' {
    return 'top-left';
  }
}
