import { DataTable } from './data-table.js';

describe('a data table', () => {
  test('headed columns in order, escaped, the rows inside the body, scrolling on its own', async () => {
    const html = await DataTable({ columns: ['Adress', 'Hyra <kr>'], children: '<tr><td>1</td></tr>' });
    expect(html).toBe(
      '<div class="table-scroll"><table class="ds-table"><thead><tr><th scope="col">Adress</th><th scope="col">Hyra &lt;kr></th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>',
    );
  });

  test('a caption, lines between the rows and the note that explains it only when asked for', async () => {
    const html = await DataTable({ columns: ['A'], caption: '2 annonser & fler', border: true, describedBy: 'withheld-note', children: '' });
    expect(html).toContain('<table class="ds-table" data-border aria-describedby="withheld-note"><caption>2 annonser &amp; fler</caption><thead>');
  });
});
