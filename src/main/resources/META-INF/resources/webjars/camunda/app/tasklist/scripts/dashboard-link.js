// qsmo-workflow: a "Dashboard" link in Tasklist's header, to the program dashboard (same sign-in).
export default {
  id: 'qsmo.dashboard-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: function (node) {
    var link = document.createElement('a');
    link.href = '/dashboard/';
    link.textContent = 'Dashboard';
    link.title = 'Where designations, board rounds, evaluations and your own work stand';
    link.className = 'qsmo-dashboard-link';
    node.appendChild(link);
  }
};
