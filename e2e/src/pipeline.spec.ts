import { expect, test } from '@playwright/test';
import { signIn, web } from './sign-in';

/**
 * Issue 4's journey: a manager creates a cohort and admits a startup; the startup's member marks a
 * milestone achieved; the manager sees it on the cohort board.
 */
test.describe('the incubator pipeline, from cohort to cohort board', () => {
  test.use({ locale: 'en-GB' });

  test('cohort created, startup admitted, milestone achieved by the founder, seen on the board', async ({ browser }) => {
    test.setTimeout(120_000); // two sessions and a dozen screens on a 2-core machine
    const program = 'Incubateur Lille';
    const cohort = `E2E cohort ${Date.now()}`;
    const startup = 'Nordlys Robotics SAS';
    const milestone = 'Hire a CTO';

    // The manager creates a cohort in an existing program.
    const managerContext = await browser.newContext({ locale: 'en-GB' });
    const manager = await managerContext.newPage();
    await signIn(manager, 'manager@demo.test');
    await manager.goto(`${web()}/manage/programs`);
    await manager.getByTestId(`cohort-create-open-${program}`).click();
    await manager.getByTestId('cohort-name').fill(cohort);
    await manager.getByTestId('cohort-first-day').fill('2027-01-04');
    await manager.getByTestId('cohort-last-day').fill('2027-06-30');
    await manager.getByTestId('cohort-capacity').fill('10');
    await manager.getByTestId('cohort-submit').click();
    await expect(manager.getByTestId(`cohort-row-${cohort}`)).toBeVisible();

    // … enrolls the startup in it and admits it.
    await manager.goto(`${web()}/manage/startups`);
    await manager.getByTestId('startups-search').fill('Nordlys');
    // The search applies after a pause and then rewrites the address; clicking before that would be
    // undone by the late navigation back to the list. Wait for it first.
    await expect(manager).toHaveURL(/[?&]q=Nordlys/);
    await manager.getByTestId(`startup-row-${startup}`).getByTestId('startup-link').click();
    await expect(manager).toHaveURL(/\/manage\/startups\/[0-9a-f-]{36}/);
    await expect(manager.getByTestId('startup-title')).toHaveText(startup);
    const cohortOption = manager.getByTestId('enroll-cohort').locator('option', { hasText: cohort });
    await manager.getByTestId('enroll-cohort').selectOption((await cohortOption.getAttribute('value')) as string);
    await manager.getByTestId('enroll-submit').click();
    const enrollment = manager.getByTestId(`enrollment-${cohort}`);
    await expect(enrollment.getByTestId('enrollment-status')).toHaveAttribute('data-status', 'applied');
    await enrollment.getByTestId('transition-admitted').click();
    await expect(enrollment.getByTestId('enrollment-status')).toHaveAttribute('data-status', 'admitted');

    // The board of the new cohort before the founder's update.
    await manager.goto(`${web()}/manage/programs`);
    await manager.getByTestId(`cohort-row-${cohort}`).getByTestId('cohort-board-link').click();
    const row = manager.getByTestId(`board-row-${startup}`);
    await expect(row).toBeVisible();
    const before = Number(await row.getByTestId('board-achieved').innerText());

    // The founder marks a milestone achieved from the startup portal.
    const founderContext = await browser.newContext({ locale: 'en-GB' });
    const founder = await founderContext.newPage();
    await signIn(founder, 'startup@demo.test');
    await expect(founder).toHaveURL(/\/startup$/);
    const item = founder.getByTestId(`milestone-row-${milestone}`);
    await item.getByTestId('milestone-status').selectOption('achieved');
    await item.getByTestId('milestone-save').click();
    await expect(item.getByTestId('milestone-status-chip')).toContainText(/achieved/i);

    // The manager sees it on the cohort board.
    await manager.reload();
    await expect(manager.getByTestId(`board-row-${startup}`).getByTestId('board-achieved')).toHaveText(String(before + 1));

    await managerContext.close();
    await founderContext.close();
  });
});
