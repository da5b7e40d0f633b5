import type { IControl } from 'maplibre-gl';

const SVG = 'http://www.w3.org/2000/svg';

/** ⌂ under the zoom buttons: back to the whole district, from wherever the map was taken. */
export class HomeControl implements IControl {
  private container: HTMLElement | null = null;

  constructor(
    private readonly title: string,
    private readonly onHome: () => void,
  ) {}

  onAdd(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'maplibregl-ctrl-home';
    button.title = this.title;
    button.setAttribute('aria-label', this.title);
    const icon = document.createElementNS(SVG, 'svg');
    icon.setAttribute('viewBox', '0 0 20 20');
    icon.setAttribute('width', '20');
    icon.setAttribute('height', '20');
    icon.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', 'M10 3 2.5 9.5h2.2V17h4v-4.5h2.6V17h4V9.5h2.2z');
    path.setAttribute('fill', 'currentColor');
    icon.append(path);
    button.append(icon);
    button.addEventListener('click', this.onHome);
    box.append(button);
    this.container = box;
    return box;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
