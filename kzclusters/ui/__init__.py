"""The workbook's user interface: the only package that imports ipywidgets.

``kit`` holds the standard controls (language toggle, region picker, year
slider and range, sector picker, weight sliders, thresholds, downloads, share
link, upload panel, badge, progress), ``shell`` the page frame shared by every
notebook, and one module per explorer.

>>> from kzclusters import ui
>>> sorted(ui.__all__)[:3]
['Badge', 'ClusterPotentialExplorer', 'DownloadBar']
"""

from .cluster_potential import ClusterPotentialExplorer, cluster_potential_page
from .grp_structure import GrpStructureExplorer
from .ict_clusters import IctExplorer, IndexExplorer, ict_clusters_page
from .index import index_page
from .industry_priorities import industry_priorities_page
from .msme_integration import msme_integration_page
from .productivity import productivity_page
from .kit import (Badge, DownloadBar, Progress, RegionPicker, SectorPicker, ShareLink, UploadPanel,
                  WeightSliders, html_table, language_toggle, threshold_input, year_range, year_slider)
from .shell import NOTEBOOKS, Page

__all__ = ["ClusterPotentialExplorer", "cluster_potential_page", "IctExplorer", "IndexExplorer", "ict_clusters_page", "msme_integration_page", "productivity_page", "industry_priorities_page", "Badge", "DownloadBar", "GrpStructureExplorer", "NOTEBOOKS", "Page", "Progress", "RegionPicker",
           "SectorPicker", "ShareLink", "UploadPanel", "WeightSliders", "html_table", "index_page",
           "language_toggle", "threshold_input", "year_range", "year_slider"]
