import { ChoiceField } from './choice-field.js';
import { TextAreaField } from './text-area-field.js';
import { TextField } from './text-field.js';

const refused = [{ field: 'f', message: 'Skriv <minst> tre tecken' }];

/** The opening tag of the field's control, whichever kind it is. */
const control = (html: string): string => /<(input|select|textarea) [^>]*>/.exec(html)?.[0] ?? '';

const fields = {
  text: (description: string | undefined, errors: typeof refused) => TextField({ id: 'f', label: 'Namn', description, errors }),
  choice: (description: string | undefined, errors: typeof refused) => ChoiceField({ id: 'f', label: 'Val', options: [{ value: 'a', label: 'A' }], description, errors }),
  'text area': (description: string | undefined, errors: typeof refused) => TextAreaField({ id: 'f', label: 'Text', description, errors }),
};

describe.each(Object.entries(fields))('a %s field', (_kind, field) => {
  test('refused, its control is invalid and described by the description and then the message, which it shows escaped', async () => {
    const html = await field('Som i passet', refused);
    expect(control(html)).toContain('aria-invalid="true"');
    expect(control(html)).toContain('aria-describedby="f-description f-error"');
    expect(html).toContain('<div data-field="description" id="f-description">Som i passet</div>');
    expect(html).toContain('<div class="ds-validation-message" data-field="validation" id="f-error">Skriv &lt;minst> tre tecken</div>');
    expect(html).toContain('<label class="ds-label" for="f">');
  });

  test('with neither a description nor a refusal, the control names nothing and nothing stands below it', async () => {
    const html = await field(undefined, []);
    expect(control(html)).not.toContain('aria-');
    expect(html).not.toContain('f-description');
    expect(html).not.toContain('f-error');
  });

  test('a refusal of another field leaves this one alone; a message alone is all that describes it', async () => {
    expect(control(await field(undefined, [{ field: 'other', message: 'x' }]))).not.toContain('aria-invalid');
    expect(control(await field(undefined, refused))).toContain('aria-describedby="f-error"');
  });
});
